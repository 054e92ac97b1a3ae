// Resolvers build no SQL (DESIGN.md, Shape): every query of the GraphQL layer is a function of
// src/reads (or a use case of src/sharing), so none of src/graphql may import drizzle-orm's
// query builders or write a sql`` template.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const graphqlDir = fileURLToPath(new URL('../../src/graphql/', import.meta.url));

/** An import or re-export from 'drizzle-orm' or 'drizzle-orm/…', type-only ones included. */
const importsDrizzle = /\bfrom\s+['"]drizzle-orm(?:\/[^'"]*)?['"]|\bimport\s*\(\s*['"]drizzle-orm(?:\/[^'"]*)?['"]/;
/** A tagged template `sql` (sql`…`, also sql<T>`…`). */
const sqlTemplate = /\bsql\s*(?:<[^>`]*>)?\s*`/;

/** Whether a file's source builds SQL, and how. */
function sqlIn(source: string): string[] {
  return [importsDrizzle.test(source) ? 'imports drizzle-orm' : null, sqlTemplate.test(source) ? 'writes a sql template' : null].filter(
    (reason): reason is string => reason !== null,
  );
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('src/graphql builds no SQL', () => {
  it('finds the patterns it looks for', () => {
    expect(sqlIn("import { and, eq } from 'drizzle-orm';")).toEqual(['imports drizzle-orm']);
    expect(sqlIn("import type { PgTable } from 'drizzle-orm/pg-core';")).toEqual(['imports drizzle-orm']);
    expect(sqlIn('const x = sql<number>`count(*)`;')).toEqual(['writes a sql template']);
    expect(sqlIn("import { flowsOwnedBy } from '../reads/flows.js';")).toEqual([]);
  });

  it('has no file that imports drizzle-orm or writes a sql template', () => {
    const files = tsFilesUnder(graphqlDir);
    expect(files.length).toBeGreaterThan(10);
    const offending = files
      .flatMap((file) => sqlIn(readFileSync(file, 'utf8')).map((reason) => `${file.slice(graphqlDir.length)}: ${reason}`))
      .sort();
    expect(offending).toEqual([]);
  });
});
