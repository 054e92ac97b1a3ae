#!/usr/bin/env bash
# Fails when a generated, committed file is stale: the printed schema, the typed documents
# of codegen, or the migrations drizzle-kit would generate from src/db/tables.ts.
set -euo pipefail
cd "$(dirname "$0")/.."

node --import tsx scripts/print-schema.ts --check
npx graphql-codegen --config codegen.ts --check >/dev/null \
  || { echo 'test/gql is stale: run `npm run schema` and commit it' >&2; exit 1; }
npx drizzle-kit generate --name drift-check >/dev/null
if [ -n "$(git status --porcelain -- drizzle)" ]; then
  git status --porcelain -- drizzle >&2
  echo 'src/db/tables.ts changed without a migration: run `npx drizzle-kit generate --name <what>` and commit drizzle/' >&2
  exit 1
fi
echo 'generated files are up to date'
