# Shared by the benchmark scripts: start and stop the gateway and the baseline, make a merchant.
# Expects the jars built: mvn -B -o -pl benchmarks,loadgen -am package -DskipTests

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
GATEWAY_JAR=${GATEWAY_JAR:-gateway-server/target/gateway-server.jar}  # another build: compare versions
BENCH_JAR=benchmarks/target/benchmarks.jar
LOADGEN_JAR=${LOADGEN_JAR:-loadgen/target/loadgen.jar}  # another build: compare SDK versions
OPERATOR_KEY=bench-operator-key-0123456789abcdef
PIDS=()

# Stops what was started and removes the run's data folder ($DATA): a throughput run leaves
# gigabytes of databases behind, and a few runs filled the disk. KEEP_DATA=1 keeps it.
cleanup() {
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && stop_pid "$p"
  done
  if [ -n "${DATA:-}" ] && [ -z "${KEEP_DATA:-}" ]; then
    rm -rf "$DATA"
  fi
}

# stop_pid PID: SIGTERM, then SIGKILL after 5 s.
stop_pid() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$1" 2>/dev/null || true
}
trap cleanup EXIT

need_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package) ..." >&2
    apt-get install -y wrk >/dev/null
  fi
}

# wait_http URL: until it answers 200, at most 30 s.
wait_http() {
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; then return 0; fi
    sleep 0.05
  done
  echo "no answer from $1" >&2
  return 1
}

# BANK=process: gateways send their payments to one Piggy Bank simulator running in a process of
# its own (started by the first start_gateway, on BANK_PORT, default 18399), as a real bank is
# elsewhere. By default (BANK=embedded) each gateway starts the simulator inside its own JVM, where
# the simulator's store of every payment it answered grows in the gateway's heap and lengthens its
# GC pauses as a run goes on (BENCHMARKS.md, issue 15).
# The simulator runs from BANK_JAR, by default the gateway jar of this checkout even when a
# comparison starts an older GATEWAY_JAR first: builds before 5 December have no standalone
# simulator, and both gateways of a comparison must talk to the same bank.
BANK=${BANK:-embedded}
BANK_JAR=${BANK_JAR:-$GATEWAY_JAR}
BANK_URL=
start_bank_process() {
  local port=${BANK_PORT:-18399}
  "$JAVA" -cp "$BANK_JAR" io.paygate.piggy.simulator.PiggyBankSimulatorMain --port "$port" \
    >"/tmp/piggy-bank-$port.log" 2>&1 &
  PIDS+=("$!")
  wait_http "http://127.0.0.1:$port/health"
  BANK_URL=http://127.0.0.1:$port
}

# start_gateway PORT DATA_DIR [extra env assignments...]: starts it (merchant rate limits off: one
# merchant is pushed far past 100 requests a second; login throttling per address off: the load
# generator logs its merchants in from one address), sets GATEWAY_PID and
# STARTUP_MS (launch to /ready answering 200).
start_gateway() {
  local port=$1 dir=$2
  shift 2
  local t0 bank=()
  if [ "$BANK" = process ]; then
    [ -n "$BANK_URL" ] || start_bank_process
    bank=(PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR=false PAYGATE_ACQUIRER_PIGGYBANK_BASEURL="$BANK_URL")
  elif [ "$BANK" != embedded ]; then
    echo "BANK must be embedded or process, not '$BANK'" >&2
    return 2
  fi
  t0=$(date +%s%N)
  env PAYGATE_PORT="$port" PAYGATE_HOST=127.0.0.1 PAYGATE_DATA_DIR="$dir" \
    PAYGATE_OPERATOR_KEY="$OPERATOR_KEY" PAYGATE_RATE_LIMIT_LOGIN_ADDRESS_PER_MINUTE=0 \
    PAYGATE_RATE_LIMIT_MERCHANT_READS_PER_SECOND=0 PAYGATE_RATE_LIMIT_MERCHANT_WRITES_PER_SECOND=0 \
    PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR=true ${bank[@]+"${bank[@]}"} "$@" \
    "$JAVA" ${GATEWAY_JVM_OPTS:-} -jar "$GATEWAY_JAR" >"$dir.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  wait_http "http://127.0.0.1:$port/ready"
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

start_baseline() {
  local port=$1
  "$JAVA" ${BASELINE_JVM_OPTS:-} -cp "$BENCH_JAR" io.paygate.benchmarks.BaselineServer "$port" \
    >/tmp/baseline-$port.log 2>&1 &
  BASELINE_PID=$!
  PIDS+=("$BASELINE_PID")
  wait_http "http://127.0.0.1:$port/health"
}

# merchant_token PORT: creates a merchant on Piggy Bank and prints its access token.
merchant_token() {
  local port=$1 login
  login="bench-$RANDOM$RANDOM"
  curl -sf "http://127.0.0.1:$port/createuser" -H "Authorization: Bearer $OPERATOR_KEY" \
    -H 'Content-Type: application/json' \
    -d "{\"login\":\"$login\",\"name\":\"Bench\",\"password\":\"correct horse 42\",\"acquiringbank\":\"PiggyBank\"}" >/dev/null
  curl -sf "http://127.0.0.1:$port/login" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$login\",\"password\":\"correct horse 42\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}

# wrk_rate URL SECONDS CONNECTIONS [TOKEN]: prints "req/s p99_ms non2xx".
wrk_rate() {
  local out
  out=$(TOKEN=${4:-} wrk -t2 -c"$3" -d"$2"s --latency -s benchmarks/payment.lua "$1")
  local rps p99 bad
  rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$rps $p99 ${bad:-0}"
}

median() {
  sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

# loadgen ARGS...: runs the load generator (quietly, summary only) and prints its JSON summary.
# LOADGEN_JVM_OPTS go to its JVM (benchmarks/sdk-profile.sh records a flight there).
# LOADGEN_TASKSET prefixes its command, e.g. "taskset -c 1" to keep it on one core.
loadgen_json() {
  local out
  out=$(mktemp /tmp/loadgen.XXXXXX.json)
  ${LOADGEN_TASKSET:-} "$JAVA" ${LOADGEN_JVM_OPTS:-} -jar "$LOADGEN_JAR" --operator-key "$OPERATOR_KEY" --progress 1h --json "$out" "$@" >/dev/null
  cat "$out"
  rm -f "$out"
}

# json_field JSON PATH (python dotted path): prints one figure of a loadgen summary.
json_field() {
  python3 -c 'import json,sys; d=json.loads(sys.argv[1])
for k in sys.argv[2].split("."): d=d[k]
print(d)' "$1" "$2"
}
