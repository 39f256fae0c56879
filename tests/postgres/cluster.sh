#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (docs/postgresql.md):
#   cluster.sh start DIR   initdb into DIR (when empty), start on 127.0.0.1 at a free port, print
#                          postgresql://postgres@127.0.0.1:PORT/postgres on stdout
#   cluster.sh stop DIR    stop it (fast: open sessions are ended)
# Loopback only, trust auth, fsync off: for tests, never for data that matters.
set -euo pipefail

PG_BIN=${GAZETTE_PG_BIN:-/usr/lib/postgresql/15/bin}

log() { printf '[postgres] %s\n' "$*" >&2; }

usage() {
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
}

# Runs a command as the cluster's owner: initdb and postgres refuse to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  if command -v python3 >/dev/null && python3 -c 'import socket' 2>/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free port found"
  exit 1
}

start() {
  local dir=$1
  [ -x "$PG_BIN/initdb" ] || { log "PostgreSQL 15 is not installed ($PG_BIN): apt-get install -y postgresql"; exit 1; }
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    # The owner must be able to reach DIR through its parents (e.g. under /tmp or /root).
    local parent=$dir
    while parent=$(dirname "$parent") && [ "$parent" != / ]; do
      [ -x "$parent" ] && runuser -u postgres -- test -x "$parent" || chmod o+x "$parent"
    done
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local port
  port=$(free_port)
  # -k: the Unix socket stays inside DIR, so the cluster needs nothing from /var/run.
  if ! as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null; then
    log "the server did not start; its log:"
    cat "$dir/server.log" >&2 || true
    exit 1
  fi
  echo "$port" >"$dir/port"
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir=$1
  [ -f "$dir/data/postmaster.pid" ] || { log "no server running in $dir"; return 0; }
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

[ $# -eq 2 ] || usage
case $1 in
  start) start "$2" ;;
  stop) stop "$2" ;;
  *) usage ;;
esac
