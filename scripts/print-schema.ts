// Writes schema/schema.graphql from the code; `--check` fails if the committed one is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { printedSchema } from '../src/graphql/schema.js';

const file = new URL('../schema/schema.graphql', import.meta.url);
const fresh = printedSchema();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {}
  if (committed !== fresh) {
    console.error('schema/schema.graphql is stale: run `npm run schema` and commit it');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  writeFileSync(file, fresh);
  console.log('wrote schema/schema.graphql');
}
