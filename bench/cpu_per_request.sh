#!/usr/bin/env bash
# CPU time (user and system) that running processes spend per request while wrk drives URL: a
# figure of the server's own cost that, unlike requests per second, does not depend on how much
# of the machine wrk and others take. Works for Gazette and nginx alike (give nginx's worker
# pids). Usage: bench/cpu_per_request.sh "PID..." URL [CONNECTIONS] [SECONDS]
set -euo pipefail
PIDS=$1 URL=$2 CONNECTIONS=${3:-50} SECONDS_RUN=${4:-3}
source "$(dirname "$0")/packages.sh"
ensure_packages wrk
ticks() {  # Sum of utime and stime, in clock ticks, over PIDS.
  for pid in $PIDS; do awk '{print $14, $15}' "/proc/$pid/stat"; done | awk '{u += $1; s += $2} END {print u, s}'
}
wrk -t2 -c"$CONNECTIONS" -d1s "$URL" >/dev/null  # Warm: the page is cached, connections open.
read -r user0 system0 < <(ticks)
out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" "$URL")
read -r user1 system1 < <(ticks)
requests=$(awk '/requests in/ {print $1}' <<<"$out")
awk -v u=$((user1 - user0)) -v s=$((system1 - system0)) -v r="$requests" -v t="$(getconf CLK_TCK)" \
    -v rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")" -v c="$CONNECTIONS" \
  'BEGIN {printf "%s connections: %s req/s; per request: user %.1f us, system %.1f us, total %.1f us\n",
          c, rps, u / t * 1e6 / r, s / t * 1e6 / r, (u + s) / t * 1e6 / r}'
