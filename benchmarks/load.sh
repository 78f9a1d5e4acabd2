#!/usr/bin/env bash
# Load benchmark: the standalone server against hand-written baselines, each on its own data,
# alternately, with wrk:
#   raw   RawBaselineServer: Javalin + Jdbi on schema V1, release 0.1's five tables, written by
#         hand (what the project's own storage was)
#   spec  SpecSchemaBaselineServer: the spec's own schema, the content as JSON in the document's
#         row and the action items as rows (what a team would write by hand instead)
#
#   benchmarks/load.sh h2            # embedded H2 in a temporary folder
#   benchmarks/load.sh postgres      # PostgreSQL at POSTMORTEM_TEST_JDBC_URL or 127.0.0.1:5432/test
#
# Every server runs for the whole benchmark on its own port and its own data (H2: a folder;
# PostgreSQL: a schema), is seeded with SEED post-mortems through its own POST with the same
# body, and is loaded one at a time. Each is warmed up with passes over every endpoint until
# its JIT compilers are quiet, then measured in ROUNDS (default 4) rounds: per endpoint every
# server back to back, the order rotated every round. Prints, per endpoint and round, req/s,
# p50, p99, the server JVM's CPU per request and the share of that CPU its JIT compilers took,
# then per endpoint the ratio project / baseline, for each baseline side by side, of req/s
# summed over the rounds and of CPU per request. Needs wrk (Debian package 'wrk', installed
# when missing) and the jars:
#   mvn -B -q -DskipTests install && mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks
# BASELINES (default "raw spec") chooses the baselines; "self" is the project's own jar with
# AGAINST_FLAGS added to its JVM options: with none, an A/A run that shows how far the
# method's ratios stray when nothing differs; with some, the steady-state cost of a JVM option.
# On PostgreSQL the baselines' tables are ANALYZEd after seeding, as a DBA would after a bulk
# load; the project's are left to its migration's ANALYZE and autovacuum, which has run by the
# time the warm-up ends (docs/DESIGN.md, Storage).
# PROFILER=/path/to/libasyncProfiler.so (async-profiler 4.x; perf events need not be allowed)
# also profiles every measured window of every server into PROFILE_DIR, one collapsed-stacks
# file per server, endpoint and round, to compare where they spend their CPU in the same run.
# SERVER_JAR=path measures another build of the server (a variant of the code) against the
# same baselines. PROJECT_SQL (PostgreSQL) runs SQL on the project's schema after its
# migration and before seeding, to measure what one index or column costs, e.g.
# PROJECT_SQL="ALTER TABLE pm_post_mortem DROP COLUMN search_words".
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/wrk-post.sh
DB=${1:-h2}
DURATION=${DURATION:-10s}
SEED=${SEED:-1000}
ENDPOINTS=${ENDPOINTS:-post get list export}
WARMUP=${WARMUP:-20s}            # per endpoint and warm-up pass
JIT_QUIET=${JIT_QUIET:-3}        # warm when no endpoint's pass gave the JIT more than this % of the CPU
MAX_WARMUP_PASSES=${MAX_WARMUP_PASSES:-6}
REWARM=${REWARM:-5s}
ROUNDS=${ROUNDS:-4}
PROFILER=${PROFILER:-}
PROFILE_DIR=${PROFILE_DIR:-benchmarks/target/profiles}
BASELINES=${BASELINES:-raw spec}
AGAINST_FLAGS=${AGAINST_FLAGS:-}
TARGETS="project $BASELINES"
# Both servers run with the README's JVM options (examples/standalone-server/jvm.options)
# but the class-data archive, which matches only the server's jar and only changes start-up
# (footprint.sh measures that).
JAVA_FLAGS=${JAVA_FLAGS:-$(grep -v -e '^#' -e SharedArchiveFile examples/standalone-server/jvm.options | tr '\n' ' ')}
SERVER_JAR=${SERVER_JAR:-examples/standalone-server/target/postmortem-server.jar}
BENCH_JAR=benchmarks/target/benchmarks.jar
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$SERVER_JAR" ] && [ -f "$BENCH_JAR" ] || { echo "build the jars first (see the header)"; exit 2; }

WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
declare -A PORT=([project]=7190 [raw]=7191 [spec]=7192 [self]=7193) PID=()
AUTH="alice@example.com:alice"
export POSTMORTEM_USERS="$AUTH:admin"
if [ "$DB" = postgres ]; then
  SCHEMA="pm_load_$$"
  BASE_URL=${POSTMORTEM_TEST_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
  for target in $TARGETS; do psql -h 127.0.0.1 -U postgres test -qc "CREATE SCHEMA ${SCHEMA}_$target" >/dev/null; done
  trap 'kill $(jobs -p) 2>/dev/null || true; for target in $TARGETS; do psql -h 127.0.0.1 -U postgres test -qc "DROP SCHEMA ${SCHEMA}_$target CASCADE" >/dev/null 2>&1; done; rm -rf "$WORK"' EXIT
fi

wait_up() { # target path
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:${PORT[$1]}$2" && return 0; sleep 0.2; done
  echo "the $1 server did not start; its log:"; cat "$WORK/$1.log"; exit 1
}
start() { # target; each on its own data: a folder on H2 (which locks it), a schema on PostgreSQL
  if [ "$DB" = postgres ]; then
    export POSTMORTEM_JDBC_URL="$BASE_URL&currentSchema=${SCHEMA}_$1"
  else
    export POSTMORTEM_DATA_DIR="$WORK/data-$1"
  fi
  case $1 in
    project) POSTMORTEM_PORT=${PORT[$1]} java $JAVA_FLAGS -jar "$SERVER_JAR" >"$WORK/$1.log" 2>&1 & ;;
    self) POSTMORTEM_PORT=${PORT[$1]} java $JAVA_FLAGS $AGAINST_FLAGS -jar "$SERVER_JAR" >"$WORK/$1.log" 2>&1 & ;;
    raw) POSTMORTEM_PORT=${PORT[$1]} java $JAVA_FLAGS -cp "$BENCH_JAR" dev.postmortem.benchmarks.RawBaselineServer \
           >"$WORK/$1.log" 2>&1 & ;;
    spec) POSTMORTEM_PORT=${PORT[$1]} java $JAVA_FLAGS -cp "$BENCH_JAR" \
            dev.postmortem.benchmarks.SpecSchemaBaselineServer >"$WORK/$1.log" 2>&1 & ;;
    *) echo "unknown baseline $1 (raw, spec or self)"; exit 2 ;;
  esac
  PID[$1]=$!
  wait_up "$1" /api/postmortems
}
stop() { kill "${PID[$1]}"; wait "${PID[$1]}" 2>/dev/null || true; }

SPEC=postmortem-test-support/src/main/resources/dev/postmortem/testing/http/spec-example.json
seed() { # target -> $WORK/ids-<target>, the ids of its seeded post-mortems
  echo "seeding $SEED post-mortems into $1 ..."
  mkdir "$WORK/seed"  # one file per answer: parallel curls writing to one pipe interleave
  seq 1 "$SEED" | xargs -P 8 -I{} curl -s -o "$WORK/seed/{}.json" -u "$AUTH" -H 'Content-Type: application/json' \
    --data @"$SPEC" "http://127.0.0.1:${PORT[$1]}/api/postmortems"
  # the document's own id: the project and the raw baseline write it first, the spec baseline last
  local which=1p
  [ "$1" != spec ] || which='$p'
  for answer in "$WORK"/seed/*.json; do grep -o '"id":"[0-9a-f-]\{36\}"' "$answer" | sed -n "$which" | cut -d'"' -f4; done \
    > "$WORK/ids-$1"
  rm -r "$WORK/seed"
  [ "$(wc -l < "$WORK/ids-$1")" = "$SEED" ] || { echo "$1 answered $(wc -l < "$WORK/ids-$1") of $SEED creates"; exit 1; }
  if [ "$DB" = postgres ] && [ "$1" != project ] && [ "$1" != self ]; then
    psql -h 127.0.0.1 -U postgres test -qc "SET search_path = ${SCHEMA}_$1; ANALYZE" >/dev/null
  fi
}
for target in $TARGETS; do
  start "$target"
  if [ -n "${PROJECT_SQL:-}" ] && [ "$target" = project ] && [ "$DB" = postgres ]; then
    psql -h 127.0.0.1 -U postgres test -qc "SET search_path = ${SCHEMA}_$target; $PROJECT_SQL" >/dev/null
  fi
  seed "$target"; stop "$target"
done

for target in $TARGETS; do # each reads the ids it was seeded with
  cat > "$WORK/$target-get.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids-$target") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Basic $(printf %s "$AUTH" | base64)"
request = function()
  return wrk.format("GET", "/api/postmortems/" .. ids[math.random(#ids)] .. (SUFFIX or ""))
end
LUA
  sed 's/(SUFFIX or "")/"\/export"/' "$WORK/$target-get.lua" > "$WORK/$target-export.lua"
  cat > "$WORK/$target-list.lua" <<LUA
wrk.headers["Authorization"] = "Basic $(printf %s "$AUTH" | base64)"
wrk.path = "/api/postmortems?limit=20"
LUA
  write_post_lua "$WORK/$target-post.lua"
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/${PID[$1]}/stat"; } # user + system time of a server JVM
jit_ticks() { # user + system time of a server JVM's C1 and C2 compiler threads
  local ticks=0 name stat fields
  for task in /proc/"${PID[$1]}"/task/*; do
    read -r name < "$task/comm" || continue
    case $name in
      C1\ Compiler*|C2\ Compiler*)
        # the fields after "(comm)", which may hold spaces: utime and stime are the 12th and 13th
        stat=$(< "$task/stat"); read -ra fields <<< "${stat##*) }"
        ticks=$((ticks + fields[11] + fields[12])) ;;
    esac
  done
  echo "$ticks"
}
warm_up_pass() { # target -> the highest share (%) of the server's CPU its JIT took on one endpoint
  local busiest=0 endpoint jit_before cpu_before share
  for endpoint in $ENDPOINTS; do
    jit_before=$(jit_ticks "$1"); cpu_before=$(cpu_ticks "$1")
    wrk -t2 -c16 -d"$WARMUP" -s "$WORK/$1-$endpoint.lua" "http://127.0.0.1:${PORT[$1]}" > /dev/null
    share=$(( ($(jit_ticks "$1") - jit_before) * 100 / ($(cpu_ticks "$1") - cpu_before + 1) ))
    if [ "$share" -gt "$busiest" ]; then busiest=$share; fi
  done
  echo "$busiest"
}
warm_up() { # every server, unrecorded, pass for pass, until the JIT of each is done.
  # On two cores a fresh JVM compiles for minutes under load: a pass of 20 s per endpoint left
  # the project's JIT compilers with 25% of its CPU during POST in the second pass and 1-4% in
  # the third (the raw baseline's: 15%, then 1%), so measuring after one pass would compare how
  # fast two servers compile, not how fast they serve, and the project, with more code to
  # compile, would lose most (POST below 0.9 on a slow machine).
  # All get the same number of passes, so that their databases grow alike under the creates.
  local pass target jit busy report
  for pass in $(seq 1 "$MAX_WARMUP_PASSES"); do
    busy=0; report=""
    for target in $TARGETS; do
      jit=$(warm_up_pass "$target"); report="$report $target $jit%"
      if [ "$jit" -gt "$JIT_QUIET" ]; then busy=1; fi
    done
    echo "warm-up pass $pass: the JIT's highest share of an endpoint's CPU:$report" >&2
    if [ "$busy" = 0 ]; then return 0; fi
  done
  echo "JIT still busy after $MAX_WARMUP_PASSES passes; measuring anyway (see the JIT column)" >&2
}
profiler() { # target command: async-profiler loaded into (or commanded in) a running server JVM
  # itimer: CPU time sampling that works where perf events are not allowed (containers).
  [ -z "$PROFILER" ] || jcmd "${PID[$1]}" JVMTI.agent_load "$PROFILER" "\"$2\"" > /dev/null
}
run() { # target endpoint round -> "req/s p50 p99 cpu-ms-per-request jit-%"
  # The same endpoint again, unrecorded, just before it is measured: switching endpoints used
  # to set off a storm of recompilation (-XX:+PrintCompilation: 300 compilations, half of them
  # "made not entrant", in the first seconds of POST after an export run) in a JVM warmed up
  # with one pass; after the warm-up above the JIT column shows whether any is left.
  wrk -t2 -c16 -d"$REWARM" -s "$WORK/$1-$2.lua" "http://127.0.0.1:${PORT[$1]}" > /dev/null
  local ticks_before ticks_after jit_before jit_after
  profiler "$1" start,event=itimer,interval=1ms
  ticks_before=$(cpu_ticks "$1"); jit_before=$(jit_ticks "$1")
  wrk -t2 -c16 -d"$DURATION" --latency -s "$WORK/$1-$2.lua" "http://127.0.0.1:${PORT[$1]}" > "$WORK/$1-$2.txt"
  ticks_after=$(cpu_ticks "$1"); jit_after=$(jit_ticks "$1")
  # ann: frames marked _[j] compiled, _[i] inlined, _[0] interpreted, _[1] C1: a slow window of
  # an otherwise warm server shows whether its code ran below C2.
  profiler "$1" "stop,collapsed,ann,file=$PROFILE_DIR/$DB-$2-$1-$3.collapsed"
  # CPU per request is the steadier measure on two shared cores: req/s also moves with how the
  # scheduler splits the cores between wrk, the server and PostgreSQL.
  awk -v ticks=$((ticks_after - ticks_before)) -v jit=$((jit_after - jit_before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ {n=$1} /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
    END {if (n == 0) exit 3; printf "%s %s %s %.3f %d\n", rps, p50, p99, ticks * 1000 / hz / n, jit * 100 / (ticks + 1)}' \
    "$WORK/$1-$2.txt" || {
    echo "no request of $1 $2 was answered within wrk's timeout; wrk said:" >&2
    cat "$WORK/$1-$2.txt" >&2; tail -20 "$WORK/$1.log" >&2; exit 1; }
}

[ -z "$PROFILER" ] || { mkdir -p "$PROFILE_DIR"; PROFILE_DIR=$(cd "$PROFILE_DIR" && pwd); }
for target in $TARGETS; do start "$target"; done
warm_up
declare -A RESULT
# Each endpoint on every server back to back, and the order rotated every round: whatever
# drifts during a run (CPU per list page falls from round to round, the tables grow,
# PostgreSQL writes its checkpoints) would otherwise count against the one always measured first.
read -ra ORDER <<< "$TARGETS"
for round in $(seq 1 "$ROUNDS"); do
  for endpoint in $ENDPOINTS; do
    for target in "${ORDER[@]}"; do RESULT[$target-$endpoint-$round]=$(run "$target" "$endpoint" "$round"); done
  done
  ORDER=("${ORDER[@]:1}" "${ORDER[0]}")
done
for target in $TARGETS; do stop "$target"; done

printf '\n%-8s | %-8s | %5s | %-8s | %10s %8s %8s %7s %4s\n' "db" "endpoint" "round" "server" "req/s" "p50" "p99" \
  "ms CPU" "JIT%"
for endpoint in $ENDPOINTS; do
  for round in $(seq 1 "$ROUNDS"); do
    for target in $TARGETS; do
      read -r rps p50 p99 cpu jit <<< "${RESULT[$target-$endpoint-$round]}"
      printf '%-8s | %-8s | %5s | %-8s | %10s %8s %8s %7s %4s\n' "$DB" "$endpoint" "$round" "$target" "$rps" "$p50" \
        "$p99" "$cpu" "$jit"
    done
  done
done
# Ratios project / baseline: req/s summed over all rounds, and baseline's CPU per request over the
# project's (the steadier of the two on shared cores); >= 1 means the project is the faster.
printf '\n%-8s | %-8s' "db" "endpoint"
for baseline in $BASELINES; do printf ' | %-24s' "vs $baseline: req/s, CPU"; done
printf '\n'
for endpoint in $ENDPOINTS; do
  printf '%-8s | %-8s' "$DB" "$endpoint"
  for baseline in $BASELINES; do
    ratios=$(for round in $(seq 1 "$ROUNDS"); do
        echo "${RESULT[project-$endpoint-$round]} ${RESULT[$baseline-$endpoint-$round]}"; done |
      awk '{pr += $1; pc += $4; br += $6; bc += $9} END {printf "%.2f, %.2f", pr / br, bc / pc}')
    printf ' | %-24s' "$ratios"
  done
  printf '\n'
done
