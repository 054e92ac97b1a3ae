// Once per run: PGlite's initdb and the migrations cost seconds, so do them once and let
// each test file start its database from the dump. On PostgreSQL, migrate once up front.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/open.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const database = await openDatabase({ databaseUrl, poolSize: 1 });
    await database.migrate();
    await database.close();
    console.log('tests run on PostgreSQL (DATABASE_URL)');
    project.provide('pgliteTemplate', null);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowshare-test-'));
  const database = await openDatabase({ dataDir: undefined });
  await database.migrate();
  const dump = await database.dump!();
  await database.close();
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  console.log('tests run on PGlite (set DATABASE_URL for PostgreSQL)');
  return () => rmSync(dir, { recursive: true, force: true });
}
