#!/usr/bin/env bash
# Gazette against nginx serving the very same bytes as static files, with wrk. See README.md,
# "Performance". Usage (as root, or with sudo for the packages):
#   bench/run.sh [ARTICLES]           default 100000
# Environment: BENCH_SECONDS (per row, default 10), BENCH_CONNECTIONS (default "50 200 1000"),
# BENCH_ROWS (default "article home archive mix"), GAZETTE_BUILD_DIR (default build-bench),
# GAZETTE_SHARED (the shared data, default ../shared), BENCH_SITE (a folder that keeps the
# generated site between runs: site-ARTICLES.db is made once and reused; 1,000,000 articles take
# ~8 minutes to generate and load).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTICLES=${1:-100000}
SECONDS_PER_ROW=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-"50 200 1000"}
ROWS=${BENCH_ROWS:-"article home archive mix"}
BUILD_DIR=${GAZETTE_BUILD_DIR:-$ROOT/build-bench}
SHARED=${GAZETTE_SHARED:-$ROOT/../shared}
WORK=$(mktemp -d /tmp/gazette-bench.XXXXXX)
chmod 755 "$WORK"  # nginx's workers run as www-data.
GAZETTE_PORT=18080
NGINX_PORT=18081
log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

source bench/packages.sh
ensure_packages nginx wrk libbenchmark-dev curl sqlite3

log "building (Release) in $BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j "${GAZETTE_JOBS:-2}" --target gazette render_bench >/dev/null
GAZETTE=$BUILD_DIR/src/app/gazette

export GAZETTE_DATABASE=$WORK/site.db
[ -n "${BENCH_SITE:-}" ] && mkdir -p "$BENCH_SITE" && GAZETTE_DATABASE=$(cd "$BENCH_SITE" && pwd)/site-$ARTICLES.db
if [ -s "$GAZETTE_DATABASE" ]; then
  log "reusing $GAZETTE_DATABASE"
else
  log "generating $ARTICLES articles from the BBC data set"
  python3 bench/generate_site.py "$SHARED/data/english-news/bbc" "$WORK/stories" "$ARTICLES"
  start=$(date +%s)
  # Into a temporary name first: an interrupted load must not look like a finished site.
  GAZETTE_DATABASE=$GAZETTE_DATABASE.loading "$GAZETTE" load "$WORK"/stories/*.json >/dev/null 2>&1
  for suffix in "" -wal -shm; do [ -e "$GAZETTE_DATABASE.loading$suffix" ] && mv "$GAZETTE_DATABASE.loading$suffix" "$GAZETTE_DATABASE$suffix"; done
  rm -rf "$WORK/stories"
  log "loaded in $(( $(date +%s) - start )) s"
fi

write_config() {  # $1: cache enabled
  cat > "$WORK/gazette.toml" <<TOML
[server]
listen = "127.0.0.1:$GAZETTE_PORT"
access_log = false
[cache]
enabled = $1
max_mb = 512
TOML
}
start_gazette() {
  write_config "$1"
  "$GAZETTE" serve --config "$WORK/gazette.toml" >"$WORK/gazette.log" 2>&1 &
  GAZETTE_PID=$!
  pids+=("$GAZETTE_PID")
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$GAZETTE_PORT/healthz" >/dev/null && return; sleep 0.1; done
  log "gazette did not start"; cat "$WORK/gazette.log"; exit 1
}
stop_gazette() { kill "$GAZETTE_PID"; wait "$GAZETTE_PID" 2>/dev/null || true; }

# The pages: the newest article, the home page, and archive articles (the oldest 20%; the archive
# row walks every article but the hot ones, in a shuffled order, so that each request is a miss).
sqlite3 "$GAZETTE_DATABASE" "SELECT '/en/' || s.slug || '/' || a.slug FROM articles a JOIN sections s ON s.id = a.section_id ORDER BY a.published_at" > "$WORK/all_paths"
ARTICLE=$(tail -1 "$WORK/all_paths")
HOME_PAGE=/en/
SECTION=$(dirname "$ARTICLE")/
head -n $(( ARTICLES / 5 )) "$WORK/all_paths" > "$WORK/archive_paths"
shuf -n 2000 --random-source=<(yes) "$WORK/archive_paths" > "$WORK/static_archive_paths"
head -n -50 "$WORK/all_paths" | shuf --random-source=<(yes) > "$WORK/miss_paths"
tail -n 50 "$WORK/all_paths" > "$WORK/hot_paths"

start_gazette true
log "copying Gazette's pages into nginx's root"
mkdir -p "$WORK/www"
{ echo "$HOME_PAGE"; echo "$SECTION"; cat "$WORK/hot_paths" "$WORK/static_archive_paths"; } | sort -u > "$WORK/static_paths"
while read -r path; do
  file=$WORK/www$path; [[ $path == */ ]] && file=${file}index.html
  echo "url = \"http://127.0.0.1:$GAZETTE_PORT$path\""; echo "output = \"$file\""; echo "create-dirs"
done < "$WORK/static_paths" > "$WORK/curl.cfg"
curl -s -K "$WORK/curl.cfg"
chmod -R a+rX "$WORK/www"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000;
  open_file_cache max=10000;
  types { }
  default_type "text/html; charset=utf-8";
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"
cmp <(curl -s "http://127.0.0.1:$NGINX_PORT$ARTICLE") <(curl -s "http://127.0.0.1:$GAZETTE_PORT$ARTICLE") \
  || { log "nginx and Gazette do not serve the same bytes"; exit 1; }

# wrk scripts: a random path from a list, and the mix.
lua_list() {  # $1 list file -> script that requests random lines of it
  cat <<LUA
local paths = {}
for line in io.lines("$1") do paths[#paths + 1] = line end
math.randomseed(os.time())
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA
}
# Each wrk thread walks its own part of the list: no page is asked for twice in a run.
cat > "$WORK/archive_gazette.lua" <<LUA
local paths = {}
for line in io.lines("$WORK/miss_paths") do paths[#paths + 1] = line end
local threads = 0
function setup(thread) thread:set("part", threads); threads = threads + 1 end
function init(args) index = part * math.floor(#paths / 2) end
request = function() index = index % #paths + 1; return wrk.format("GET", paths[index]) end
LUA
lua_list "$WORK/static_archive_paths" > "$WORK/archive_nginx.lua"
# Mix: 60% recent articles, 20% home, 10% section, 10% archive.
for target in gazette nginx; do
  archive=$WORK/archive_paths; [ "$target" = nginx ] && archive=$WORK/static_archive_paths
  cat > "$WORK/mix_$target.lua" <<LUA
local hot, archive = {}, {}
for line in io.lines("$WORK/hot_paths") do hot[#hot + 1] = line end
for line in io.lines("$archive") do archive[#archive + 1] = line end
math.randomseed(os.time())
request = function()
  local r = math.random(100)
  local path
  if r <= 60 then path = hot[math.random(#hot)]
  elseif r <= 80 then path = "$HOME_PAGE"
  elseif r <= 90 then path = "$SECTION"
  else path = archive[math.random(#archive)] end
  return wrk.format("GET", path)
end
LUA
done

# RssFile is mostly the database's pages read through SQLite's memory map: the kernel's page
# cache, shared and reclaimable, not the process's own memory.
resident_memory() {
  local rss anon file
  rss=$(ps -o rss= -p "$GAZETTE_PID")
  anon=$(awk '/^RssAnon:/ {print $2}' "/proc/$GAZETTE_PID/status")
  file=$(awk '/^RssFile:/ {print $2}' "/proc/$GAZETTE_PID/status")
  printf '%s MB (own %s MB, mapped file pages %s MB)' "$(( rss / 1024 ))" "$(( anon / 1024 ))" "$(( file / 1024 ))"
}

# Prints "req/s p50 p99" for one wrk run. $1 port, $2 connections, $3 path or @script.
measure() {
  local args=(-t2 -c"$2" -d"${SECONDS_PER_ROW}s" --latency --timeout 10s)
  [[ $3 == @* ]] && args+=(-s "${3#@}") && set -- "$1" "$2" /
  wrk "${args[@]}" "http://127.0.0.1:$1$3" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$NF}
    END {printf "%s %s %s %s\n", rps, p50, p99, bad+0}'
}

printf '\nMachine: %s cores, %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf 'Site: %s articles; wrk -t2, %s s per row, no Accept-Encoding (identity bytes on both)\n\n' "$ARTICLES" "$SECONDS_PER_ROW"
printf '%-14s %6s | %10s %9s %9s | %10s %9s %9s | %6s\n' page conns "gazette/s" p50 p99 "nginx/s" p50 p99 ratio
rows=("article:$ARTICLE" "home:$HOME_PAGE" "archive:@$WORK/archive_%s.lua" "mix:@$WORK/mix_%s.lua")
for row in "${rows[@]}"; do
  name=${row%%:*}; target=${row#*:}
  [[ " $ROWS " == *" $name "* ]] || continue
  for c in $CONNECTIONS; do
    # The archive and the mix start from an empty cache, so that their misses are misses.
    if [[ $name == archive || $name == mix ]]; then stop_gazette; start_gazette true; fi
    read -r g_rps g_p50 g_p99 g_bad < <(measure $GAZETTE_PORT "$c" "$(printf "$target" gazette)")
    read -r n_rps n_p50 n_p99 n_bad < <(measure $NGINX_PORT "$c" "$(printf "$target" nginx)")
    ratio=$(awk -v g="$g_rps" -v n="$n_rps" 'BEGIN {printf "%.2f", (n > 0 ? g / n : 0)}')
    printf '%-14s %6s | %10s %9s %9s | %10s %9s %9s | %6s\n' "$name" "$c" "$g_rps" "$g_p50" "$g_p99" "$n_rps" "$n_p50" "$n_p99" "$ratio"
    [ "$g_bad$n_bad" = 00 ] || log "non-2xx answers: gazette $g_bad, nginx $n_bad"
    # After the most misses the cache holds the most pages: the memory figure to report.
    [[ $name == archive ]] && memory=$(resident_memory)
  done
done
printf '\nGazette resident memory after the archive row (cache full of misses): %s; database %s MB\n' \
  "${memory:-$(resident_memory)}" "$(( $(stat -c %s "$GAZETTE_DATABASE") / 1048576 ))"
stop_gazette

start_gazette false
read -r off_rps off_p50 off_p99 _ < <(measure $GAZETTE_PORT 50 "$ARTICLE")
printf 'Cache off, article page, 50 connections: %s req/s (p50 %s, p99 %s)\n' "$off_rps" "$off_p50" "$off_p99"
stop_gazette

printf '\nCost of a cache miss (Google Benchmark, 300 single renders each; times in microseconds):\n'
BENCH_DATABASE=$GAZETTE_DATABASE BENCH_ARTICLE=$ARTICLE "$BUILD_DIR/bench/render_bench" \
  --benchmark_format=console 2>/dev/null | grep -E '_(median|p99) '
