#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL 15: initdb and pg_ctl
# as the postgres user, data under /tmp, a free port on 127.0.0.1. Stopped and removed
# afterwards, whatever happens. Used by CI and by `npm run bench`.
set -euo pipefail

PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/initdb" ]; then
  echo "installing postgresql-15 from Debian" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

pgdata=$(mktemp -d /tmp/flowshare-pg.XXXXXX)
chown postgres:postgres "$pgdata"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_postgres() { (cd /tmp && runuser -u postgres -- "$@"); }
stop_postgres() {
  as_postgres "$PGBIN/pg_ctl" -D "$pgdata/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pgdata"
}
trap stop_postgres EXIT

as_postgres "$PGBIN/initdb" -D "$pgdata/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$pgdata/data" -l "$pgdata/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdata -c max_connections=200 -c fsync=off" start >/dev/null
as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres flowshare
echo "PostgreSQL 15 on 127.0.0.1:$port (throwaway)" >&2

DATABASE_URL="postgres://postgres@127.0.0.1:$port/flowshare" "$@"
