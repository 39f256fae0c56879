#!/usr/bin/env bash
# User-space instructions per cached page hit, counted by callgrind: unlike requests per second
# it does not move with whatever else the machine is doing, so small changes to the hit path can
# be compared run to run. Uses the sample stories that ship with Gazette (no shared data).
# Usage: bench/hit_instructions.sh [CONNECTIONS]   (default 10; GAZETTE_BUILD_DIR as run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CONNECTIONS=${1:-10}
BUILD_DIR=${GAZETTE_BUILD_DIR:-$ROOT/build-bench}
PORT=18082
WORK=$(mktemp -d /tmp/gazette-hits.XXXXXX)
log() { printf '\033[1m[hits]\033[0m %s\n' "$*" >&2; }
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

source bench/packages.sh
ensure_packages valgrind wrk curl sqlite3
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j "${GAZETTE_JOBS:-2}" --target gazette >/dev/null
GAZETTE=$BUILD_DIR/src/app/gazette

export GAZETTE_DATABASE=$WORK/site.db
"$GAZETTE" load demo/sample/stories.json >/dev/null 2>&1
ARTICLE=$(sqlite3 "$GAZETTE_DATABASE" "SELECT '/' || a.language || '/' || s.slug || '/' || a.slug FROM articles a
  JOIN sections s ON s.id = a.section_id WHERE a.status = 'published' AND a.language = 'en' ORDER BY a.published_at DESC LIMIT 1")
printf '[server]\nlisten = "127.0.0.1:%s"\naccess_log = false\n' "$PORT" > "$WORK/gazette.toml"
valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" \
  "$GAZETTE" serve --config "$WORK/gazette.toml" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT$ARTICLE" || { log "$ARTICLE did not answer"; cat "$WORK/server.log"; exit 1; }
wrk -t1 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$PORT$ARTICLE" >/dev/null  # Warm: every later request is a hit.
callgrind_control -z "$SERVER" >/dev/null 2>&1
requests=$(wrk -t1 -c"$CONNECTIONS" -d4s "http://127.0.0.1:$PORT$ARTICLE" | awk '/requests in/ {print $1}')
callgrind_control -d "$SERVER" >/dev/null 2>&1
sleep 0.5
dump=$(ls -t "$WORK"/callgrind.out.* | head -1)
total=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
printf 'Cached article hits (%s, %s connections): %s requests, %s user-space instructions per request\n' \
  "$ARTICLE" "$CONNECTIONS" "$requests" "$(( total / requests ))"
