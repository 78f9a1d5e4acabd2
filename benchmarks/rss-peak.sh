#!/usr/bin/env bash
# The memory peak of a fresh standalone server under its first writes: TRIALS times, start the
# server on an empty H2 folder with the README's JVM options, give it DURATION of creates (wrk,
# the spec's body) and print the highest RSS sampled every 100 ms, when it came, the RSS at the
# end and the req/s. The peak comes from the JIT compiling the hot paths in the first minute,
# so it differs from run to run: compare several runs of one launch against several of another.
#
#   benchmarks/rss-peak.sh                                      # the README's options
#   JAVA_FLAGS="-XX:+UseSerialGC -Xmx96m" benchmarks/rss-peak.sh # any other launch
#   COMPILE_LOG=1 benchmarks/rss-peak.sh   # + each run's JIT log (-XX:+LogCompilation) in
#                                           #   benchmarks/target/rss-peak/, to match a peak's
#                                           #   time with a compilation's (task stamps, seconds
#                                           #   since the JVM started)
#
# Needs wrk and the server jar (see load.sh). footprint.sh measures start-up and the steady state.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/wrk-post.sh
TRIALS=${TRIALS:-6}
DURATION=${DURATION:-40s}
JAVA_FLAGS=${JAVA_FLAGS:-@examples/standalone-server/jvm.options}
SERVER_JAR=examples/standalone-server/target/postmortem-server.jar
SPEC=postmortem-test-support/src/main/resources/dev/postmortem/testing/http/spec-example.json
LOG_DIR=benchmarks/target/rss-peak
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=7193
AUTH="alice@example.com:alice"
export POSTMORTEM_PORT=$PORT POSTMORTEM_USERS="$AUTH:admin"
URL="http://127.0.0.1:$PORT/api/postmortems"
write_post_lua "$WORK/post.lua"
[ -n "${COMPILE_LOG:-}" ] && mkdir -p "$LOG_DIR"
rss() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }

for trial in $(seq 1 "$TRIALS"); do
  rm -rf "$WORK/data"
  extra=()
  [ -n "${COMPILE_LOG:-}" ] && extra=(-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation
    "-XX:LogFile=$LOG_DIR/compilation-$trial.log")
  # shellcheck disable=SC2086 # JAVA_FLAGS is a list of options
  POSTMORTEM_DATA_DIR="$WORK/data" java $JAVA_FLAGS "${extra[@]}" -jar "$SERVER_JAR" > "$WORK/server.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "$AUTH" "$URL?limit=1")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 0.02
  done
  wrk -t2 -c16 -d"$DURATION" -s "$WORK/post.lua" "$URL" > "$WORK/wrk" & WRK=$!
  peak=0; peak_ms=0; t0=$(date +%s%N)
  while kill -0 "$WRK" 2>/dev/null; do
    now=$(rss "$PID")
    if [ "$now" -gt "$peak" ]; then peak=$now; peak_ms=$(( ($(date +%s%N) - t0) / 1000000 )); fi
    sleep 0.1
  done
  wait "$WRK"
  printf 'run %d: peak RSS %d MiB, %s s into the creates; at the end %d MiB; %s req/s\n' "$trial" \
    $((peak / 1024)) "$(awk -v ms="$peak_ms" 'BEGIN { printf "%.1f", ms / 1000 }')" $(($(rss "$PID") / 1024)) \
    "$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk")"
  kill "$PID"; wait "$PID" 2>/dev/null || true
done
