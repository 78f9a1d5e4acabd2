# Sourced by footprint.sh and startup-ab.sh: starts the standalone server and times it to its
# first answered request. The caller sets WORK, PORT, AUTH and the POSTMORTEM_* variables.
#
# It does not poll with curl: each curl is a new process (its libraries loaded, its TLS set
# up), and on two cores a curl every 10 ms took CPU from the JVM it was timing: the same
# server measured 1,584 ms that way and 1,200 ms with this script. Here the wait for the port costs no process: a connect attempt through bash's
# /dev/tcp and a sleep on a pipe that never carries data, both inside this shell. The server
# opens its port before its database is ready and holds requests until it is, so one curl
# sent once the port is open returns at the first answer.

exec {TIMED_START_SLEEP_FD}<> <(:)

# timed_start "JVM options" JAR: starts the jar; sets PID, MS (exec to the first 200 of an
# authenticated list request) and CPU_MS (the JVM's user + system CPU by then, from /proc).
# Exits with the server's log when the server exits before answering.
timed_start() {
  local t0 t1 stat url="http://127.0.0.1:$PORT/api/postmortems?limit=1"
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the options are words
  java $1 -jar "$2" >"$WORK/server.log" 2>&1 & PID=$!
  until { : <>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "the server exited; its log:"; cat "$WORK/server.log"; exit 1; }
    read -rt 0.005 -u "$TIMED_START_SLEEP_FD" || true
  done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "$AUTH" "$url")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { echo "the server exited; its log:"; cat "$WORK/server.log"; exit 1; }
    read -rt 0.01 -u "$TIMED_START_SLEEP_FD" || true
  done
  t1=$(date +%s%N)
  read -ra stat < <(sed 's/.*) //' "/proc/$PID/stat")
  MS=$(( (t1 - t0) / 1000000 ))
  CPU_MS=$(( (stat[11] + stat[12]) * 1000 / $(getconf CLK_TCK) ))
}

stop_server() { kill "$PID"; wait "$PID" 2>/dev/null || true; }
