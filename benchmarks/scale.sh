#!/usr/bin/env bash
# Scale benchmark: how list, GET and action item latency grow from 10,000 to 1,000,000 post-mortems.
#
#   benchmarks/scale.sh h2          # embedded H2 in a temporary folder
#   benchmarks/scale.sh postgres    # PostgreSQL at POSTMORTEM_TEST_JDBC_URL or 127.0.0.1:5432/test
#
# For each size in SIZES: ScaleSeeder fills a fresh database in JDBC batches (the spec's
# shape, a quarter in each status, ten authors), then the standalone server jar runs on it
# and wrk measures, as the regular user alice (drafts of others hidden): the first list page,
# a page in the middle of the listing (a cursor walked to by the seeder), the first page
# filtered by status=PUBLISHED, GET by id (random among up to 100,000 seeded ids), and, over
# the three action items of each post-mortem, alice's open items (owner=me), the items overdue
# in the tenant and a page in the middle of every item alice may see; search for a word in 25
# post-mortems at every size (only in an action item) and for one in all of them; and the insights of
# one year (a tenth of the post-mortems, grouped by month). The seeder also times the
# reminder run (1% of the post-mortems have their items overdue) and prints it.
# Each endpoint is measured ROUNDS times (default 3) and the median of each figure is kept:
# one p99 from one 10 s run on two shared cores moved by 2-5x from run to run.
# Prints req/s, p50 and p99 per size, then p99 at the largest size / p99 at the smallest.
# One connection by default, so p99 is the time a request takes and not its wait for one of the
# two cores that wrk, the server and PostgreSQL share: at 10,000 on PostgreSQL the first list
# page has p99 1.3 ms at one connection and 50 ms at eight (CONNECTIONS=8 to see it).
# The server runs with the serial collector and a 128 MiB heap, more than the README's 96: a
# million post-mortems on embedded H2 want more heap (GET by id stalls in GC at 96 MiB), and
# every scale run in RESULTS.md used 128, so the figures stay comparable. Needs wrk and the
# jars (see load.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}
SIZES=${SIZES:-10000 1000000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-1}
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
ROUNDS=${ROUNDS:-3}
JAVA_FLAGS=${JAVA_FLAGS:--XX:+UseSerialGC -Xmx128m}
SERVER_JAR=examples/standalone-server/target/postmortem-server.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$SERVER_JAR" ] && [ -f "$BENCH_JAR" ] || { echo "build the jars first (see load.sh)"; exit 2; }

WORK=$(mktemp -d)
PORT=7191
AUTH="alice@example.com:alice"
# reminders off in the measured server: the seeder ran and timed them already
export POSTMORTEM_PORT=$PORT POSTMORTEM_USERS="$AUTH" POSTMORTEM_REMINDER_INTERVAL=off
ENDPOINTS=${ENDPOINTS:-first deep status get mine overdue items-deep search-rare search-common insights}
BASE_URL=${POSTMORTEM_TEST_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
psql_do() { psql -h 127.0.0.1 -U postgres test -qc "$1" >/dev/null; }
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  if [ "$DB" = postgres ]; then for size in $SIZES; do psql_do "DROP SCHEMA IF EXISTS pm_scale_${size}_$$ CASCADE" || true; done; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

database() { # size: points the seeder and the server at a fresh database for this size
  if [ "$DB" = postgres ]; then
    psql_do "CREATE SCHEMA pm_scale_$1_$$"
    export POSTMORTEM_JDBC_URL="$BASE_URL&currentSchema=pm_scale_$1_$$"
  else
    export POSTMORTEM_DATA_DIR="$WORK/data-$1"
  fi
}

ms() { # wrk latency (850.00us, 1.20ms, 1.01s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
median_of() { # wrk --latency outputs -> "req/s p50 p99", each the median over the files, latencies in ms
  local rps="" p50="" p99=""
  for file in "$@"; do
    read -r r a b <<< "$(awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} END {print rps, p50, p99}' "$file")"
    rps+="$r"$'\n'; p50+="$(ms "$a")"$'\n'; p99+="$(ms "$b")"$'\n'
  done
  mid() { printf '%s' "$1" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
  echo "$(mid "$rps") $(mid "$p50")ms $(mid "$p99")ms"
}

declare -A RESULT
for size in $SIZES; do
  database "$size"
  java -cp "$BENCH_JAR" dev.postmortem.benchmarks.ScaleSeeder "$size" "$WORK/out-$size"
  if [ "$DB" = h2 ]; then echo "H2 file: $(du -b "$WORK/data-$size"/*.mv.db | cut -f1) bytes"; fi
  B64=$(printf %s "$AUTH" | base64)
  CURSOR=$(cat "$WORK/out-$size/deep-cursor")
  ITEMS_CURSOR=$(cat "$WORK/out-$size/items-deep-cursor")
  cat > "$WORK/get.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/out-$size/ids") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Basic $B64"
request = function() return wrk.format("GET", "/api/postmortems/" .. ids[math.random(#ids)]) end
LUA
  for page in "first /api/postmortems?limit=20" "deep /api/postmortems?limit=20&cursor=$CURSOR" \
              "status /api/postmortems?limit=20&status=PUBLISHED" \
              "mine /api/action-items?limit=20&owner=me&status=TODO&status=IN_PROGRESS" \
              "overdue /api/action-items?limit=20&overdue=true" \
              "items-deep /api/action-items?limit=20&cursor=$ITEMS_CURSOR" \
              "search-rare /api/postmortems?limit=20&q=zebracorn" "search-common /api/postmortems?limit=20&q=connection" \
              "insights /api/postmortem-insights?from=2020-01-01&to=2020-12-31"; do
    printf 'wrk.headers["Authorization"] = "Basic %s"\nwrk.path = "%s"\n' "$B64" "${page#* }" > "$WORK/${page%% *}.lua"
  done
  java $JAVA_FLAGS -jar "$SERVER_JAR" > "$WORK/server-$size.log" 2>&1 & PID=$!
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/postmortem-templates" && break; sleep 0.2; done
  # A page must answer 200 with 20 items (the rare word too: 25 post-mortems at every size; the
  # insights: a tenth of the post-mortems), or the numbers mean nothing.
  for endpoint in first deep status mine overdue items-deep search-rare search-common insights; do
    path=$(sed -n 's/^wrk.path = "\(.*\)"$/\1/p' "$WORK/$endpoint.lua")
    answer=$(curl -s -u "$AUTH" "http://127.0.0.1:$PORT$path")
    items=$({ printf %s "$answer" | grep -o '"version"\|"postMortem"' || true; } | wc -l)
    case $endpoint in
      insights) printf %s "$answer" | grep -q '"total":{"key":null,"postMortems":[1-9]' \
        || { echo "insights answered: $answer" | head -c 500; exit 1; } ;;
      *) [ "$items" = 20 ] || { echo "$endpoint page ($path) gave $items items, not 20"; exit 1; } ;;
    esac
  done
  for endpoint in $ENDPOINTS; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/$endpoint.lua" "http://127.0.0.1:$PORT" > /dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do  # rounds interleave the endpoints, so a slow spell hits all alike
    for endpoint in $ENDPOINTS; do
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/$endpoint.lua" "http://127.0.0.1:$PORT" \
        > "$WORK/$size-$endpoint-$round.txt"
    done
  done
  for endpoint in $ENDPOINTS; do
    RESULT[$size-$endpoint]=$(median_of "$WORK/$size-$endpoint"-*.txt)
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true
done

printf '\n%-8s | %-22s' "db" "endpoint"; for size in $SIZES; do printf ' | %9s r/s %8s %8s' "$size:" "p50" "p99"; done; printf ' | p99 ratio\n'
read -r -a SIZE_LIST <<< "$SIZES"
for endpoint in $ENDPOINTS; do
  printf '%-8s | %-22s' "$DB" "$(case $endpoint in first) echo 'list, first page';; deep) echo 'list, middle page';;
    status) echo 'list, status=PUBLISHED';; get) echo 'GET by id';; mine) echo 'items, my open';;
    overdue) echo 'items, overdue';; items-deep) echo 'items, middle page';;
    search-rare) echo 'search, rare word';; search-common) echo 'search, common word';;
    insights) echo 'insights, one year';; esac)"
  for size in $SIZES; do read -r rps p50 p99 <<< "${RESULT[$size-$endpoint]}"; printf ' | %13s %8s %8s' "$rps" "$p50" "$p99"; done
  read -r _ _ small <<< "${RESULT[${SIZE_LIST[0]}-$endpoint]}"
  read -r _ _ large <<< "${RESULT[${SIZE_LIST[-1]}-$endpoint]}"
  printf ' | %.2f\n' "$(echo "$(ms "$large") / $(ms "$small")" | bc -l)"
done
