#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL server for the test suite.
#
#   scripts/pg_test_server.sh start DIR PORT   # data in DIR, socket in DIR, 127.0.0.1:PORT
#   scripts/pg_test_server.sh stop DIR
#
# Superuser "dhr" with trust authentication and database "dhr": for tests only, never a real
# server. initdb refuses to run as root, so when we are root the server runs as the Debian
# "postgres" user (the data directory is handed to it).
set -euo pipefail

action="${1:?usage: $0 start|stop DIR [PORT]}"
dir="${2:?usage: $0 start|stop DIR [PORT]}"
port="${3:-55432}"

bindir="$(pg_config --bindir)"
# Debian's pg_config may name a client bin dir without the server tools: find initdb.
if [[ ! -x "$bindir/initdb" ]]; then
  bindir="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)")"
fi

as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    if [[ "$(id -u)" == "0" ]]; then
      chown postgres:postgres "$dir"
    fi
    chmod 700 "$dir"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      as_owner "$bindir/initdb" -D "$dir/data" -A trust -U dhr -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      -w -t 60 start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U dhr dhr 2>/dev/null || true
    echo "PostgreSQL ready: postgres://dhr@127.0.0.1:$port/dhr"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
