#!/usr/bin/env bash
# Payments per second with 1, 2 and 3 gateway nodes behind HAProxy (docs/haproxy.cfg) on one
# PostgreSQL, and one node on its embedded H2 for reference, all paying at one Piggy Bank
# simulator in its own process (answering at once). The configurations are measured in turn, in
# each of RUNS rounds, so that a change of the machine's load hits them alike; medians at the end.
# Each measured run also reports where the CPU went: PostgreSQL (postmaster and backends), the
# gateway JVMs, HAProxy, the simulator, and the whole machine (the load generator and whatever
# else runs), in cores: CPU-seconds per wall second.
#
# Usage: benchmarks/nodes.sh [RUNS=3] [SECONDS=20] [CONCURRENCY=64]
# Env:   JAVA, GATEWAY_JVM_OPTS, WARMUP seconds of load on each configuration first (default 30),
#        CONFIGS (default "h2 1 2 3").
# Needs: mvn -B -o -pl benchmarks,loadgen -am package -DskipTests; PostgreSQL's server binaries
#        and HAProxy (apt-get install -y postgresql haproxy).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
# lib.sh's wait_http gives a node 30 s to be ready; four JVMs start one after the other here, on
# a machine that may be busy: two minutes.
wait_http() {
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; then return 0; fi
    sleep 0.1
  done
  echo "no answer from $1" >&2
  return 1
}
RUNS=${1:-3}
SECS=${2:-20}
CONNS=${3:-64}
WARMUP=${WARMUP:-30}
CONFIGS=${CONFIGS:-h2 1 2 3}
# Free ports, asked of the kernel: fixed ones collided with other benchmarks on a shared machine.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
LB_PORT=$(free_port)
NODE_PORTS=($(free_port) $(free_port) $(free_port))
H2_PORT=$(free_port)
BANK_PORT=$(free_port)
PG_PORT=$(free_port)
JWT_SECRET=bench-nodes-jwt-secret-0123456789abcdef0123456789abcdef
HZ=$(getconf CLK_TCK)

DATA=$(mktemp -d /tmp/paygate-nodes.XXXXXX)
chmod 755 "$DATA"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$PG_BIN/postgres" ] || { echo "PostgreSQL's server binaries are missing" >&2; exit 1; }
[ -x /usr/sbin/haproxy ] || { echo "HAProxy is missing: apt-get install -y haproxy" >&2; exit 1; }

# PostgreSQL refuses to run as root: as the postgres user then, as PostgresServer does in tests.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
HAPROXY_PID=
stop_all() {
  [ -n "$HAPROXY_PID" ] && stop_pid "$HAPROXY_PID"
  if [ -f "$DATA/pg/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DATA/pg" stop -m fast >/dev/null 2>&1 || true
  fi
  cleanup
}
trap stop_all EXIT

# cpu_ticks PID...: user + system clock ticks of these processes (0 for one that is gone).
cpu_ticks() {
  local total=0 p
  for p in "$@"; do
    if [ -r "/proc/$p/stat" ]; then
      total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    fi
  done
  echo "$total"
}
# machine_busy_ticks: every core's non-idle ticks since boot (/proc/stat), whoever used them.
machine_busy_ticks() {
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}
# postgres_ticks: the postmaster, its live backends, and the backends that already exited
# (counted in the postmaster's cutime + cstime once it has reaped them).
postgres_ticks() {
  local pm
  pm=$(head -1 "$DATA/pg/postmaster.pid")
  echo $(( $(awk '{print $16 + $17}' "/proc/$pm/stat") + $(cpu_ticks "$pm" $(ps -o pid= --ppid "$pm")) ))
}

echo "PostgreSQL ($PG_BIN) on port $PG_PORT, data in $DATA/pg"
mkdir "$DATA/pg"
touch "$DATA/postgres.log"
[ "$(id -u)" = 0 ] && chown postgres "$DATA/pg" "$DATA/postgres.log"
as_pg "$PG_BIN/initdb" -D "$DATA/pg" -U paygate --auth=trust -E UTF8 >"$DATA/initdb.log"
# The server's defaults (fsync and synchronous commit on: durable, as H2 is here), room for the
# nodes' pools, and its socket in the run's folder.
as_pg "$PG_BIN/pg_ctl" -D "$DATA/pg" -l "$DATA/postgres.log" -w start \
  -o "-p $PG_PORT -k $DATA/pg -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null

"$JAVA" -cp "$GATEWAY_JAR" io.paygate.piggy.simulator.PiggyBankSimulatorMain --port "$BANK_PORT" \
  >"$DATA/bank.log" 2>&1 &
BANK_PID=$!
PIDS+=("$BANK_PID")
wait_http "http://127.0.0.1:$BANK_PORT/health"

# Every node: the same database, bank and signing key (lib.sh gives them the same operator key,
# and lifts the merchants' rate limits: four merchants carry the whole load).
NODE_ENV=(PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR=false
  PAYGATE_ACQUIRER_PIGGYBANK_BASEURL="http://127.0.0.1:$BANK_PORT"
  PAYGATE_JWT_SECRET="$JWT_SECRET")
NODE_PIDS=()
for i in 0 1 2; do
  mkdir -p "$DATA/node$((i + 1))"
  start_gateway "${NODE_PORTS[$i]}" "$DATA/node$((i + 1))" "${NODE_ENV[@]}" \
    PAYGATE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" PAYGATE_DB_USER=paygate
  NODE_PIDS+=("$GATEWAY_PID")
  echo "node $((i + 1)) on ${NODE_PORTS[$i]} ready in ${STARTUP_MS} ms"
done
mkdir -p "$DATA/h2"
start_gateway "$H2_PORT" "$DATA/h2" "${NODE_ENV[@]}"
H2_PID=$GATEWAY_PID

# start_balancer PORT...: HAProxy from docs/haproxy.cfg on LB_PORT in front of these ports (the
# bind line and the server lines changed, as the cluster test does).
start_balancer() {
  local cfg="$DATA/haproxy.cfg" first options i=1 p
  first=$(grep -m1 -E '^\s*server ' docs/haproxy.cfg)
  options=$(echo "$first" | awk '{$1=$2=$3=""; sub(/^ +/, ""); print}')
  {
    sed -E -e "s/^(\s*bind\s+)\S+/\1127.0.0.1:$LB_PORT/" -e '/^\s*server /,$d' docs/haproxy.cfg
    for p in "$@"; do echo "  server node$i 127.0.0.1:$p $options"; i=$((i + 1)); done
  } >"$cfg"
  /usr/sbin/haproxy -db -f "$cfg" >>"$DATA/haproxy.log" 2>&1 &
  HAPROXY_PID=$!
  wait_http "http://127.0.0.1:$LB_PORT/ready"
}
stop_balancer() {
  stop_pid "$HAPROXY_PID"
  HAPROXY_PID=
}
balance() {
  case $1 in
    h2) start_balancer "$H2_PORT" ;;
    *) start_balancer "${NODE_PORTS[@]:0:$1}" ;;
  esac
}
label() {
  case $1 in h2) echo "1 node, H2" ;; 1) echo "1 node, PostgreSQL" ;; *) echo "$1 nodes, PostgreSQL" ;; esac
}

LOAD=(--url "http://127.0.0.1:$LB_PORT" --merchants 4 -c "$CONNS" --mix authorised=100)
echo "warming up each configuration for $WARMUP s ..."
for c in $CONFIGS; do
  balance "$c"
  loadgen_json "${LOAD[@]}" -d "${WARMUP}s" >/dev/null
  stop_balancer
done

for run in $(seq 1 "$RUNS"); do
  for c in $CONFIGS; do
    balance "$c"
    loadgen_json "${LOAD[@]}" -d 3s >/dev/null  # connections and merchants settled
    read -r load1 _ </proc/loadavg
    pg0=$(postgres_ticks); gw0=$(cpu_ticks "${NODE_PIDS[@]}" "$H2_PID")
    hp0=$(cpu_ticks "$HAPROXY_PID"); bk0=$(cpu_ticks "$BANK_PID")
    t0=$(date +%s%N)
    all0=$(machine_busy_ticks)
    j=$(loadgen_json "${LOAD[@]}" -d "${SECS}s")
    t1=$(date +%s%N)
    pg1=$(postgres_ticks); gw1=$(cpu_ticks "${NODE_PIDS[@]}" "$H2_PID")
    hp1=$(cpu_ticks "$HAPROXY_PID"); bk1=$(cpu_ticks "$BANK_PID"); all1=$(machine_busy_ticks)
    stop_balancer
    rps=$(json_field "$j" throughput)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e9}')
    cores() { awk -v t="$1" -v hz="$HZ" -v w="$wall" 'BEGIN {printf "%.2f", t / hz / w}'; }
    pg=$(cores $((pg1 - pg0))); gw=$(cores $((gw1 - gw0))); hp=$(cores $((hp1 - hp0)))
    bk=$(cores $((bk1 - bk0))); all=$(cores $((all1 - all0)))
    share=$(awk -v p="$((pg1 - pg0))" -v a="$((pg1 - pg0 + gw1 - gw0 + hp1 - hp0 + bk1 - bk0))" \
      'BEGIN {printf "%.0f", a ? 100 * p / a : 0}')
    # CPU per payment: the figure a busy machine moves least (the rates above it moves a lot).
    n=$(json_field "$j" requests)
    per() { awk -v t="$1" -v hz="$HZ" -v n="$n" 'BEGIN {printf "%.0f", n ? t / hz * 1e6 / n : 0}'; }
    pg_us=$(per $((pg1 - pg0))); gw_us=$(per $((gw1 - gw0)))
    servers_us=$(per $((pg1 - pg0 + gw1 - gw0 + hp1 - hp0 + bk1 - bk0)))
    echo "$rps" >>"$DATA/$c.rps"
    echo "$share" >>"$DATA/$c.share"
    echo "$pg_us" >>"$DATA/$c.pgus"
    echo "$gw_us" >>"$DATA/$c.gwus"
    echo "run $run, $(label "$c"): $rps payments/s (p50 $(json_field "$j" latencyMs.p50) ms," \
      "p99 $(json_field "$j" latencyMs.p99) ms, errors $(json_field "$j" errors)), load average" \
      "$load1; CPU cores used: postgres $pg, gateways $gw, haproxy $hp, bank $bk, whole machine" \
      "$all (the rest: load generator and other builds); postgres ${share}% of the servers' CPU;" \
      "CPU-us per payment: postgres $pg_us, gateways $gw_us, all servers $servers_us," \
      "load generator $(json_field "$j" clientCpuUsPerRequest)"
  done
done
echo "medians over $RUNS runs of $SECS s, $CONNS connections, 4 merchants, authorised payments:"
for c in $CONFIGS; do
  printf "  %-20s %s payments/s, postgres %s%% of the servers' CPU, CPU-us per payment:" \
    "$(label "$c")" "$(median <"$DATA/$c.rps")" "$(median <"$DATA/$c.share")"
  printf " postgres %s, gateways %s\n" "$(median <"$DATA/$c.pgus")" "$(median <"$DATA/$c.gwus")"
done
