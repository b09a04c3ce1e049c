#!/usr/bin/env bash
# The summary table of issue 15 in one command: durable and not-durable payments/s against the
# bare Jetty + Jersey echo (closed loop, wrk, interleaved runs, medians and the ratio of each run to
# the echo's run just before it), then the gateway-added latency (total minus the bank time of
# Server-Timing) at 25, 50 and 75% of the durable peak just measured (open loop, the loadgen
# module at a fixed rate), with the echo's total latency at the same rates. Both servers are warmed
# up WARMUP seconds before anything is measured. The load average is printed at each step: on a
# shared machine the ratios of interleaved runs still mean something, the absolute figures do not.
#
# Usage: benchmarks/summary.sh [RUNS=3] [SECONDS=10] [CONNECTIONS=32] [LATENCY_SECONDS=20]
# Env:   WARMUP (default 40), GATEWAY_JAR, JAVA, GATEWAY_JVM_OPTS, BASELINE_JVM_OPTS,
#        LOADGEN_TASKSET (e.g. "taskset -c 1": runs the open-loop generator on that core only),
#        LATENCY_CONCURRENCY (default 64: the generator's most requests in flight),
#        BANK=process (the Piggy Bank simulator in a process of its own instead of inside each
#        gateway's JVM, see lib.sh).
# Takes about 3 x WARMUP + RUNS x 3 x SECONDS + 3 x 2 x (LATENCY_SECONDS + 10) seconds plus
# start-ups: 7 minutes with the defaults.
# Needs the jars: mvn -B -o -pl gateway-server,benchmarks,loadgen -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RUNS=${1:-3}
SECS=${2:-10}
CONNS=${3:-32}
LAT_SECS=${4:-20}
WARMUP=${WARMUP:-40}
LAT_CONC=${LATENCY_CONCURRENCY:-64}
need_wrk
load() { cut -d' ' -f1-3 /proc/loadavg; }
T0=$(date +%s)
echo "summary.sh started $(date -u +%FT%TZ), load average $(load), $(nproc) cores," \
  "gateway $(realpath "$GATEWAY_JAR")"

DATA=$(mktemp -d /tmp/paygate-summary.XXXXXX)
start_baseline 18281
start_gateway 18280 "$DATA/durable"
mkdir -p "$DATA/lazy"
start_gateway 18282 "$DATA/lazy" PAYGATE_DB_URL="jdbc:h2:file:$DATA/lazy/paygate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"
declare -A TOKEN URL
URL[echo]=http://127.0.0.1:18281/api/process; TOKEN[echo]=
URL[durable]=http://127.0.0.1:18280/api/process; TOKEN[durable]=$(merchant_token 18280)
URL[not-durable]=http://127.0.0.1:18282/api/process; TOKEN[not-durable]=$(merchant_token 18282)
KINDS="echo durable not-durable"

echo "warming up each server for $WARMUP s (wrk, $CONNS connections) ..."
for k in $KINDS; do wrk_rate "${URL[$k]}" "$WARMUP" "$CONNS" "${TOKEN[$k]}" >/dev/null; done

for i in $(seq 1 "$RUNS"); do
  line="run $i:"
  for k in $KINDS; do
    read -r rps p99 bad < <(wrk_rate "${URL[$k]}" "$SECS" "$CONNS" "${TOKEN[$k]}")
    echo "$rps" >>"$DATA/$k.rps"
    line="$line  $k $rps/s (p99 $p99, non-2xx $bad)"
    if [ "$k" != echo ]; then
      awk -v g="$rps" -v b="$(tail -1 "$DATA/echo.rps")" 'BEGIN {printf "%.3f\n", g / b}' \
        >>"$DATA/$k.ratio"
    fi
  done
  echo "$line  (load $(load))"
done
ECHO=$(median <"$DATA/echo.rps")
PEAK=$(median <"$DATA/durable.rps")

# latency KIND PORT RATE: one open-loop run; prints "p50 p99 p99.9" of the gateway-added time
# (the echo calls no bank: its total time).
latency() {
  local j key
  j=$(loadgen_json --url "http://127.0.0.1:$2" --merchants 4 -c "$LAT_CONC" --rate "$3" \
    --mix authorised=100 --warmup 5s -d "${LAT_SECS}s")
  key=gatewayAddedMs
  [ "$1" = echo ] && key=latencyMs
  echo "$(json_field "$j" "$key.p50") $(json_field "$j" "$key.p99") $(json_field "$j" "$key.p999")" \
    "$(json_field "$j" throughput) $(json_field "$j" errors) $(json_field "$j" clientCpuUsPerRequest)"
}
declare -A LAT
for pct in 25 50 75; do
  rate=$(awk -v p="$PEAK" -v f="$pct" 'BEGIN {printf "%d", p * f / 100}')
  LAT[echo-$pct]=$(latency echo 18281 "$rate")
  LAT[durable-$pct]=$(latency durable 18280 "$rate")
  echo "at $pct% of peak ($rate/s): echo total ms p50 p99 p99.9 req/s errors generator-CPU-us/request:" \
    "${LAT[echo-$pct]}; gateway-added: ${LAT[durable-$pct]}  (load $(load))"
done

echo
echo "| figure | measured | echo in the same run |"
echo "| --- | --- | --- |"
echo "| durable payments/s, $CONNS connections, median of $RUNS x $SECS s | $PEAK/s, ratio $(median <"$DATA/durable.ratio") | $ECHO req/s |"
echo "| not-durable payments/s (H2 write delay 500 ms) | $(median <"$DATA/not-durable.rps")/s, ratio $(median <"$DATA/not-durable.ratio") | |"
for pct in 25 50 75; do
  read -r g50 g99 g999 grate gerr _ <<<"${LAT[durable-$pct]}"
  read -r e50 e99 e999 erate eerr _ <<<"${LAT[echo-$pct]}"
  echo "| gateway-added p50 / p99 / p99.9 at $pct% of peak ($grate/s served, $gerr errors) | $g50 / $g99 / $g999 ms | total $e50 / $e99 / $e999 ms ($erate/s) |"
done
echo
echo "load average at end $(load); took $(( $(date +%s) - T0 )) s"
