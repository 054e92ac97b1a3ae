#!/usr/bin/env bash
# npm run bench: on the PostgreSQL of DATABASE_URL, or on a throwaway one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${DATABASE_URL:-}" ]; then
  exec node --import tsx bench/main.ts "$@"
fi
exec bash scripts/with-postgres.sh node --import tsx bench/main.ts "$@"
