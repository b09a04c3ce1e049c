#!/usr/bin/env bash
# Durable payments per second through the whole gateway, against the bare Jetty + Jersey baseline,
# measured alternately in the same run so that the ratios hold on a noisy machine. Three gateways
# run side by side (idle while another is measured):
#   durable      the default: WRITE_DELAY=0, payment writes group-committed
#   per-write    WRITE_DELAY=0, each write its own commit (db.group.commit=false)
#   not-durable  H2's default WRITE_DELAY (500 ms): what durability costs
# Also reports start-up to ready and peak resident memory of the durable gateway.
#
# Usage: benchmarks/throughput.sh [RUNS=3] [SECONDS=10] [CONNECTIONS=32]
# Env:   JAVA (default Temurin 25), GATEWAY_JVM_OPTS, BASELINE_JVM_OPTS, and any PAYGATE_* setting;
#        WARMUP seconds of load on each server before measuring (default 10; the gateway's JIT is
#        still compiling after that: 60 gives its steady state).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RUNS=${1:-3}
SECS=${2:-10}
CONNS=${3:-32}
need_wrk

DATA=$(mktemp -d /tmp/paygate-bench.XXXXXX)
start_baseline 18081
start_gateway 18080 "$DATA/durable"
DURABLE_MS=$STARTUP_MS
echo "durable gateway ready in ${DURABLE_MS} ms"
DURABLE_PID=$GATEWAY_PID
start_gateway 18082 "$DATA/perwrite" PAYGATE_DB_GROUP_COMMIT=false
mkdir -p "$DATA/lazy"
start_gateway 18083 "$DATA/lazy" PAYGATE_DB_URL="jdbc:h2:file:$DATA/lazy/paygate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"
declare -A TOKEN URL
URL[baseline]=http://127.0.0.1:18081/api/process; TOKEN[baseline]=
for name in durable:18080 per-write:18082 not-durable:18083; do
  n=${name%%:*}; port=${name##*:}
  URL[$n]=http://127.0.0.1:$port/api/process
  TOKEN[$n]=$(merchant_token "$port")
done
KINDS="baseline durable per-write not-durable"

WARMUP=${WARMUP:-10}
echo "warming up each for $WARMUP s ..."
for k in $KINDS; do wrk_rate "${URL[$k]}" "$WARMUP" "$CONNS" "${TOKEN[$k]}" >/dev/null; done

for i in $(seq 1 "$RUNS"); do
  line="run $i:"
  for k in $KINDS; do
    read -r rps p99 bad < <(wrk_rate "${URL[$k]}" "$SECS" "$CONNS" "${TOKEN[$k]}")
    echo "$rps" >>"$DATA/$k.rps"
    line="$line  $k $rps/s (p99 $p99, non-2xx $bad)"
    if [ "$k" != baseline ]; then
      base=$(tail -1 "$DATA/baseline.rps")
      awk -v g="$rps" -v b="$base" 'BEGIN {printf "%.3f\n", g / b}' >>"$DATA/$k.ratio"
    fi
  done
  echo "$line"
done
echo "medians over $RUNS runs of $SECS s, $CONNS connections:"
echo "  baseline     $(median <"$DATA/baseline.rps") req/s"
for k in durable per-write not-durable; do
  printf "  %-12s %s payments/s, ratio to baseline %s\n" "$k" "$(median <"$DATA/$k.rps")" "$(median <"$DATA/$k.ratio")"
done
echo "durable gateway: start-up to ready ${DURABLE_MS} ms (while the others were idle or starting)," \
  "peak resident memory $(awk '/VmHWM/ {printf "%d MB", $2/1024}' /proc/$DURABLE_PID/status)"
