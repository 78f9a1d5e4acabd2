#!/usr/bin/env bash
# Load benchmark: the standalone server against a raw Javalin + Jdbi baseline doing the same
# storage work (RawBaselineServer), on the same data, alternately, with wrk.
#
#   benchmarks/load.sh h2            # embedded H2 in a temporary folder
#   benchmarks/load.sh postgres      # PostgreSQL at POSTMORTEM_TEST_JDBC_URL or 127.0.0.1:5432/test
#
# Prints, per endpoint and round, req/s, p50, p99 and the server JVM's CPU per request for both,
# then per endpoint the ratio project / baseline of req/s summed over the rounds (ROUNDS,
# default 2, alternately project and baseline) and of CPU per request.
# Needs wrk (Debian package 'wrk', installed when missing) and the jars:
#   mvn -B -q -DskipTests install && mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}
DURATION=${DURATION:-10s}
SEED=${SEED:-1000}
ENDPOINTS=${ENDPOINTS:-post get list export}
WARMUP=${WARMUP:-20s}
REWARM=${REWARM:-10s}
ROUNDS=${ROUNDS:-2}
# Both servers run with the README's heap and collector flags (the class-data archive only
# changes start-up, which footprint.sh measures).
JAVA_FLAGS=${JAVA_FLAGS:--XX:+UseSerialGC -Xmx96m -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=1000}
SERVER_JAR=examples/standalone-server/target/postmortem-server.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$SERVER_JAR" ] && [ -f "$BENCH_JAR" ] || { echo "build the jars first (see the header)"; exit 2; }

WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=7190
AUTH="alice@example.com:alice"
export POSTMORTEM_PORT=$PORT POSTMORTEM_USERS="$AUTH:admin"
if [ "$DB" = postgres ]; then
  SCHEMA="pm_load_$$"
  BASE_URL=${POSTMORTEM_TEST_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
  psql -h 127.0.0.1 -U postgres test -qc "CREATE SCHEMA $SCHEMA" >/dev/null
  trap 'kill $(jobs -p) 2>/dev/null || true; psql -h 127.0.0.1 -U postgres test -qc "DROP SCHEMA $SCHEMA CASCADE" >/dev/null 2>&1; rm -rf "$WORK"' EXIT
  export POSTMORTEM_JDBC_URL="$BASE_URL&currentSchema=$SCHEMA"
else
  export POSTMORTEM_DATA_DIR="$WORK/data"
fi

wait_up() { for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/postmortem-templates" && return 0; sleep 0.2; done; echo "server did not start"; exit 1; }
start_project() { java $JAVA_FLAGS -jar "$SERVER_JAR" >"$WORK/project.log" 2>&1 & PID=$!; wait_up; }
start_baseline() { java $JAVA_FLAGS -cp "$BENCH_JAR" dev.postmortem.benchmarks.RawBaselineServer >"$WORK/baseline.log" 2>&1 & PID=$!;
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/postmortems" && return 0; sleep 0.2; done; }
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }

SPEC=postmortem-http/src/test/resources/contract/spec-example.json
start_project
echo "seeding $SEED post-mortems ..."
mkdir "$WORK/seed"  # one file per answer: parallel curls writing to one pipe interleave
seq 1 "$SEED" | xargs -P 8 -I{} curl -s -o "$WORK/seed/{}.json" -u "$AUTH" -H 'Content-Type: application/json' \
  --data @"$SPEC" "http://127.0.0.1:$PORT/api/postmortems"
grep -ho '^{"id":"[0-9a-f-]\{36\}"' "$WORK"/seed/*.json | cut -d'"' -f4 > "$WORK/ids"
rm -r "$WORK/seed"
stop
if [ "$DB" = postgres ]; then
  # As a DBA would after a bulk load, and as autovacuum does a minute or so later: without
  # statistics PostgreSQL plans for empty tables (the list read every row to sort them).
  psql -h 127.0.0.1 -U postgres test -qc "SET search_path = $SCHEMA; ANALYZE" >/dev/null
fi
echo "$(wc -l < "$WORK/ids") seeded"

cat > "$WORK/get.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Basic $(printf %s "$AUTH" | base64)"
request = function()
  return wrk.format("GET", "/api/postmortems/" .. ids[math.random(#ids)] .. (SUFFIX or ""))
end
LUA
sed 's/(SUFFIX or "")/"\/export"/' "$WORK/get.lua" > "$WORK/export.lua"
cat > "$WORK/list.lua" <<LUA
wrk.headers["Authorization"] = "Basic $(printf %s "$AUTH" | base64)"
wrk.path = "/api/postmortems?limit=20"
LUA
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $(printf %s "$AUTH" | base64)"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$SPEC"); wrk.body = f:read("*a"); f:close()
wrk.path = "/api/postmortems"
LUA

warm_up() { # every endpoint, unrecorded. On two cores a fresh JVM needs about a minute of load before
  # its JIT compilers are done and its req/s are steady; measuring earlier compares how fast two
  # servers compile, not how fast they serve.
  for endpoint in $ENDPOINTS; do wrk -t2 -c16 -d"$WARMUP" -s "$WORK/$endpoint.lua" "http://127.0.0.1:$PORT" > /dev/null; done
}
run() { # target endpoint -> "req/s p50 p99 cpu-ms-per-request"
  # The same endpoint again, unrecorded, just before it is measured: when the traffic switches
  # from one endpoint to another, code compiled for the previous one is thrown away and compiled
  # again (-XX:+PrintCompilation: 300 compilations, half of them "made not entrant", in the first
  # seconds of POST after an export run; the JIT took a sixth of the project's CPU). Real traffic
  # is mixed and never switches like that, so neither server is measured in that storm.
  wrk -t2 -c16 -d"$REWARM" -s "$WORK/$2.lua" "http://127.0.0.1:$PORT" > /dev/null
  local ticks_before ticks_after
  ticks_before=$(cpu_ticks)
  wrk -t2 -c16 -d"$DURATION" --latency -s "$WORK/$2.lua" "http://127.0.0.1:$PORT" > "$WORK/$1-$2.txt"
  ticks_after=$(cpu_ticks)
  # CPU per request is the steadier measure on two shared cores: req/s also moves with how the
  # scheduler splits the cores between wrk, the server and PostgreSQL.
  awk -v ticks=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ {n=$1} /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
    END {if (n == 0) exit 3; printf "%s %s %s %.3f\n", rps, p50, p99, ticks * 1000 / hz / n}' "$WORK/$1-$2.txt" || {
    echo "no request of $1 $2 was answered within wrk's timeout; wrk said:" >&2
    cat "$WORK/$1-$2.txt" >&2; tail -20 "$WORK/$1.log" >&2; exit 1; }
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; } # user + system time of the server JVM

declare -A RESULT
for round in $(seq 1 "$ROUNDS"); do
  for target in project baseline; do
    if [ "$target" = project ]; then start_project; else start_baseline; fi
    warm_up
    for endpoint in $ENDPOINTS; do RESULT[$target-$endpoint-$round]=$(run "$target" "$endpoint"); done
    stop
  done
done
printf '\n%-8s | %-8s | %5s | %11s %8s %8s %7s | %12s %8s %8s %7s | %s\n' "db" "endpoint" "round" \
  "project r/s" "p50" "p99" "ms CPU" "baseline r/s" "p50" "p99" "ms CPU" "ratio"
for endpoint in $ENDPOINTS; do
  for round in $(seq 1 "$ROUNDS"); do
    read -r prps pp50 pp99 pcpu <<< "${RESULT[project-$endpoint-$round]}"
    read -r brps bp50 bp99 bcpu <<< "${RESULT[baseline-$endpoint-$round]}"
    printf '%-8s | %-8s | %5s | %11s %8s %8s %7s | %12s %8s %8s %7s | %.2f\n' "$DB" "$endpoint" "$round" \
      "$prps" "$pp50" "$pp99" "$pcpu" "$brps" "$bp50" "$bp99" "$bcpu" "$(echo "$prps / $brps" | bc -l)"
  done
done
printf '\n%-8s | %-8s | %-32s | %s\n' "db" "endpoint" "req/s ratio, all rounds together" "CPU per request, baseline / project"
for endpoint in $ENDPOINTS; do
  sums=$(for round in $(seq 1 "$ROUNDS"); do echo "${RESULT[project-$endpoint-$round]} ${RESULT[baseline-$endpoint-$round]}"; done |
    awk '{pr += $1; pc += $4; br += $5; bc += $8} END {printf "%.2f %.2f", pr / br, bc / pc}')
  read -r rps_ratio cpu_ratio <<< "$sums"
  printf '%-8s | %-8s | %-32s | %s\n' "$DB" "$endpoint" "$rps_ratio" "$cpu_ratio"
done
