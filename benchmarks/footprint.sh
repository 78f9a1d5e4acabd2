#!/usr/bin/env bash
# Footprint of the standalone server on its embedded H2, launched exactly as the README does
# (java @examples/standalone-server/jvm.options -jar): start-up time to the first answered request, and memory after load.
#
#   benchmarks/footprint.sh
#
# Start-up: RUNS launches on an empty data folder and RUNS on one holding SEED post-mortems;
# each is timed from exec to the first 200 of an authenticated list request (timed-start.sh,
# which polls without starting processes that would slow the start it times), median and
# worst printed. Memory: after DURATION of wrk on each of POST,
# GET by id, list and export, the server's VmRSS (resident now) and VmHWM (the peak) from
# /proc. A minute per endpoint, because the old generation of the heap fills slowly: after
# 20 s each it was still two thirds untouched and the RSS 45 MiB short of where a longer run
# settles. Needs wrk and the jars (see load.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/timed-start.sh
. benchmarks/wrk-post.sh
RUNS=${RUNS:-11}
SEED=${SEED:-1000}
DURATION=${DURATION:-60s}
# The README's JVM options, from the same file the README's command reads.
JAVA_FLAGS=${JAVA_FLAGS:-@examples/standalone-server/jvm.options}
SERVER_JAR=examples/standalone-server/target/postmortem-server.jar
SPEC=postmortem-test-support/src/main/resources/dev/postmortem/testing/http/spec-example.json
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=7192
AUTH="alice@example.com:alice"
export POSTMORTEM_PORT=$PORT POSTMORTEM_USERS="$AUTH:admin" POSTMORTEM_DATA_DIR="$WORK/data"
URL="http://127.0.0.1:$PORT/api/postmortems"

summary() { sort -n | awk '{ v[NR] = $1 } END { printf "median %d ms, worst %d ms (%d runs)", v[int((NR + 1) / 2)], v[NR], NR }'; }

times=""
for _ in $(seq 1 "$RUNS"); do rm -rf "$WORK/data"; timed_start "$JAVA_FLAGS" "$SERVER_JAR"; times="$times $MS"; stop_server; done
echo "start-up, empty database:          $(echo $times | tr ' ' '\n' | summary)"

timed_start "$JAVA_FLAGS" "$SERVER_JAR"
seq 1 "$SEED" | xargs -P 8 -I{} curl -s -o /dev/null -u "$AUTH" -H 'Content-Type: application/json' --data @"$SPEC" "$URL"
curl -s -u "$AUTH" "$URL?limit=100" | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4 > "$WORK/ids"
stop_server
times=""
for _ in $(seq 1 "$RUNS"); do timed_start "$JAVA_FLAGS" "$SERVER_JAR"; times="$times $MS"; stop_server; done
echo "start-up, $SEED post-mortems:       $(echo $times | tr ' ' '\n' | summary)"

B64=$(printf %s "$AUTH" | base64)
write_post_lua "$WORK/post.lua"
cat > "$WORK/get.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Basic $B64"
request = function() return wrk.format("GET", "/api/postmortems/" .. ids[math.random(#ids)] .. (SUFFIX or "")) end
LUA
sed 's/(SUFFIX or "")/"\/export"/' "$WORK/get.lua" > "$WORK/export.lua"
printf 'wrk.headers["Authorization"] = "Basic %s"\nwrk.path = "/api/postmortems?limit=20"\n' "$B64" > "$WORK/list.lua"
timed_start "$JAVA_FLAGS" "$SERVER_JAR"
# RSS sampled every 200 ms during each endpoint's run: where in the load the peak comes.
for endpoint in post get list export; do
  wrk -t2 -c16 -d"$DURATION" -s "$WORK/$endpoint.lua" "$URL" > /dev/null & WRK=$!
  t0=$(date +%s%N); : > "$WORK/rss"
  while kill -0 "$WRK" 2>/dev/null; do
    echo "$(( ($(date +%s%N) - t0) / 1000000 )) $(awk '/VmRSS/ {print $2}' "/proc/$PID/status")" >> "$WORK/rss"
    sleep 0.2
  done
  wait "$WRK"
  sort -k2 -n "$WORK/rss" | tail -1 | awk -v e="$endpoint" '{ printf "  %-6s highest RSS sampled %d MiB, %.1f s into its run\n", e, $2 / 1024, $1 / 1000 }'
done
rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status"); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status")
stop_server
printf 'memory after %s each of POST, GET, list, export: RSS %d MiB, peak RSS %d MiB\n' "$DURATION" $((rss / 1024)) $((hwm / 1024))
echo "H2 file after that: $(du -b "$WORK"/data/*.mv.db | cut -f1) bytes"
