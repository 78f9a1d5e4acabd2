#!/usr/bin/env bash
# Start-up A/B of the standalone server: variants started in turn, one start each per round,
# so that a machine that speeds up or slows down over the minutes (one moved a start by a
# fifth from one minute to the next) weighs on every variant alike.
#
#   benchmarks/startup-ab.sh 'name=JVM options[|jar]' ...      # e.g.
#   benchmarks/startup-ab.sh "now=@examples/standalone-server/jvm.options" \
#       "without=@examples/standalone-server/jvm.options -XX:CompileThresholdScaling=1"
#
# A variant's jar defaults to the server jar built here; give another after '|' (a worktree's
# build of an older commit, with its own -XX:SharedArchiveFile). MODE=first (default) starts
# every time on an empty data folder, which creates the schema; MODE=restart on one holding
# the schema. Each start is timed from exec to the first 200 of an authenticated list request
# (timed-start.sh, as in footprint.sh); prints per variant the median, the range and
# the median CPU the JVM had used by then (user + system, /proc), which shows what a change
# saves even when the wall time hides it behind the second core.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/timed-start.sh
RUNS=${RUNS:-9}
MODE=${MODE:-first}
SERVER_JAR=examples/standalone-server/target/postmortem-server.jar
[ $# -gt 0 ] || { sed -n '2,16p' "$0"; exit 2; }
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=7193
AUTH="alice@example.com:alice"
export POSTMORTEM_PORT=$PORT POSTMORTEM_USERS="$AUTH:admin" POSTMORTEM_DATA_DIR="$WORK/data"

if [ "$MODE" = restart ]; then # one start to create the schema the restarts find
  first=${1#*=}; timed_start "${first%%|*}" "$SERVER_JAR"; stop_server
fi
for _ in $(seq 1 "$RUNS"); do
  for variant in "$@"; do
    name=${variant%%=*}; spec=${variant#*=}; flags=${spec%%|*}; jar=$SERVER_JAR
    [[ $spec == *"|"* ]] && jar=${spec#*|}
    [ "$MODE" = restart ] || rm -rf "$WORK/data"
    timed_start "$flags" "$jar"; stop_server
    echo "$MS $CPU_MS" >> "$WORK/times-$name"
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for variant in "$@"; do
  name=${variant%%=*}; times="$WORK/times-$name"
  ms=$(cut -d' ' -f1 "$times" | sort -n)
  printf '%-12s %s start: median %d ms (%d-%d), CPU median %d ms, %d starts\n' "$name" "$MODE" \
    "$(echo "$ms" | median)" "$(echo "$ms" | head -1)" "$(echo "$ms" | tail -1)" \
    "$(cut -d' ' -f2 "$times" | median)" "$(wc -l < "$times")"
done
