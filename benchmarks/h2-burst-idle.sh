#!/usr/bin/env bash
# How an idle standalone server gives back the space a burst of creates took in its embedded
# H2 file: the server launched as the README does, BURST (default 60s) of wrk creates (the
# spec's body, 16 connections), then no requests at all, and every 15 s for SAMPLES (default
# 24) samples the file's size and the server's CPU in those 15 s; then the size after a clean
# close. footprint.sh reports only that last figure, after its reads, which is the burst's
# size: the close compacts for at most 5 s. Needs wrk and the server jar (see load.sh).
#
#   benchmarks/h2-burst-idle.sh
#   BURST=20s SAMPLES=12 benchmarks/h2-burst-idle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/timed-start.sh
. benchmarks/wrk-post.sh
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=7193
AUTH="alice@example.com:alice"
export POSTMORTEM_PORT=$PORT POSTMORTEM_USERS="$AUTH:admin" POSTMORTEM_DATA_DIR="$WORK/data"
URL="http://127.0.0.1:$PORT/api/postmortems"; SPEC=postmortem-test-support/src/main/resources/dev/postmortem/testing/http/spec-example.json
write_post_lua "$WORK/post.lua"
timed_start @examples/standalone-server/jvm.options examples/standalone-server/target/postmortem-server.jar
wrk -t2 -c16 -d${BURST:-60s} -s "$WORK/post.lua" "$URL" | grep -E "Requests/sec|requests in"
cpu0=$(awk '{print $14+$15}' /proc/$PID/stat)
for i in $(seq 1 ${SAMPLES:-24}); do
  sleep 15
  cpu=$(awk '{print $14+$15}' /proc/$PID/stat)
  awk -v t=$((i * 15)) -v f="$(du -b "$WORK"/data/*.mv.db | cut -f1)" -v c=$((cpu - cpu0)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%4d s after the creates: file %15d bytes, server CPU %.2f s in 15 s\n", t, f, c / hz }'
  cpu0=$cpu
done
curl -s -u "$AUTH" "$URL?limit=1" -o /dev/null -w 'list after: %{http_code}\n'
stop_server
echo "after a clean close: $(du -b "$WORK"/data/*.mv.db | cut -f1) bytes"
