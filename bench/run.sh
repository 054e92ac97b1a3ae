#!/usr/bin/env bash
# npm run bench [-- case...]: the cases of bench/main.ts on the PostgreSQL of DATABASE_URL, or on
# a throwaway one; "start" (bench/start.ts) on an embedded data dir of its own, no PostgreSQL.
# No case named: all of them.
set -euo pipefail
cd "$(dirname "$0")/.."
run_start=false
cases=()
for arg in "$@"; do
  if [ "$arg" = start ]; then run_start=true; else cases+=("$arg"); fi
done
if [ $# -eq 0 ]; then run_start=true; fi
if [ $# -eq 0 ] || [ ${#cases[@]} -gt 0 ]; then
  if [ -n "${DATABASE_URL:-}" ]; then
    node --import tsx bench/main.ts "${cases[@]}"
  else
    bash scripts/with-postgres.sh node --import tsx bench/main.ts "${cases[@]}"
  fi
fi
if [ "$run_start" = true ]; then
  echo; echo "=== start ==="
  node --import tsx bench/start.ts
fi
