#!/usr/bin/env bash
# scripts/with-postgres.sh DIR COMMAND [ARG...]
#
# Runs COMMAND beside a throwaway PostgreSQL: a fresh cluster in DIR/data (initdb: trust auth on loopback,
# superuser `caredesk`), its postmaster on a free 127.0.0.1 port with fsync ON (the benches measure real
# durability), COMMAND run with PG_PORT set to that port; then the postmaster is stopped by its pid (SIGINT,
# fast shutdown; SIGKILL after 20 s), whatever COMMAND did, and COMMAND's exit status is returned.
# initdb and postgres refuse to run as root: as root, DIR is given to the `postgres` user and both are exec'd
# through setpriv (so the pid is the postmaster's own), as Tests/TestServers/PostgresTestServer.swift does.
# The server's log stays in DIR/server.log; DIR is made anew on every run.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 DIR COMMAND [ARG...]" >&2; exit 2; }
dir=$1
shift

# Where the server's programs are: initdb on PATH (symlinks resolved), else the newest /usr/lib/postgresql/*/bin.
bin=
if command -v initdb >/dev/null; then
  bin=$(dirname "$(readlink -f "$(command -v initdb)")")
  [ -x "$bin/postgres" ] || bin=$(dirname "$(command -v initdb)")
fi
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
[ -n "$bin" ] && [ -x "$bin/initdb" ] && [ -x "$bin/postgres" ] || {
  echo "$0: PostgreSQL's initdb and postgres were not found: run scripts/deps.sh" >&2
  exit 1
}

rm -rf "$dir"
mkdir -p "$dir"
chmod 700 "$dir"
dir=$(cd "$dir" && pwd)
as_server=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "$0: running as root and there is no postgres user" >&2; exit 1; }
  chown postgres:postgres "$dir"
  as_server=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi
# libpq's and the server's PG* variables of the caller must not change what runs here.
unset PGHOST PGPORT PGDATABASE PGUSER PGOPTIONS PGDATA || true
export LC_ALL=C TZ=UTC

"${as_server[@]}" "$bin/initdb" -D "$dir/data" -U caredesk --auth=trust -E UTF8 --locale=C --no-sync \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_server[@]}" "$bin/postgres" -D "$dir/data" -p "$port" -k "$dir" -c listen_addresses=127.0.0.1 \
  -c fsync=on -c synchronous_commit=on -c max_connections=200 </dev/null >>"$dir/server.log" 2>&1 &
pid=$!

stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for _ in $(seq 200); do
  kill -0 "$pid" 2>/dev/null || { echo "$0: postgres exited while starting:" >&2; cat "$dir/server.log" >&2; exit 1; }
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U caredesk -d postgres -t 1 && break
  sleep 0.1
done
"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U caredesk -d postgres -t 1 || {
  echo "$0: postgres did not accept connections on port $port:" >&2; cat "$dir/server.log" >&2; exit 1; }

echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (pid $pid, fsync on), cluster in $dir"
status=0
PG_PORT=$port "$@" || status=$?
exit "$status"
