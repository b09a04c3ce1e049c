#!/usr/bin/env bash
# What metrics cost on the payment path: durable payments per second of the gateway built without
# metrics (BEFORE_JAR, e.g. from the commit before they came) against this build's, with the bare
# Jetty + Jersey baseline, measured in turn in the same run (baseline, before, after; then
# baseline, after, before: neither gateway always goes first), so that the ratios hold on a noisy
# machine. While "after" is measured it is
# scraped as Prometheus would, every SCRAPE_EVERY seconds (default 5; 0: never).
#
# Usage: benchmarks/metrics-cost.sh BEFORE_JAR [RUNS=5] [SECONDS=10] [CONNECTIONS=32]
# Env:   AFTER_JAR (default this build's gateway-server.jar), WARMUP (default 30), JAVA,
#        GATEWAY_JVM_OPTS.
# Build the jar without metrics from a clean export, without touching this work tree:
#   git archive <commit> | tar -x -C /tmp/before && (cd /tmp/before &&
#     mvn -B -q -pl gateway-server -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
BEFORE_JAR=$(realpath "$1")
AFTER_JAR=$(realpath "${AFTER_JAR:-$GATEWAY_JAR}")
RUNS=${2:-5}
SECS=${3:-10}
CONNS=${4:-32}
SCRAPE_EVERY=${SCRAPE_EVERY:-5}
need_wrk

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
DATA=$(mktemp -d /tmp/paygate-metrics-cost.XXXXXX)
start_baseline 18181
GATEWAY_JAR=$BEFORE_JAR start_gateway 18180 "$DATA/before"
GATEWAY_JAR=$AFTER_JAR start_gateway 18182 "$DATA/after"
declare -A TOKEN URL
URL[baseline]=http://127.0.0.1:18181/api/process; TOKEN[baseline]=
URL[before]=http://127.0.0.1:18180/api/process; TOKEN[before]=$(merchant_token 18180)
URL[after]=http://127.0.0.1:18182/api/process; TOKEN[after]=$(merchant_token 18182)
KINDS="baseline before after"

# scrape_while PID: scrapes the "after" gateway's /metrics every SCRAPE_EVERY s while PID runs.
scrape_while() {
  while kill -0 "$1" 2>/dev/null; do
    curl -s -o /dev/null -H "Authorization: Bearer $OPERATOR_KEY" http://127.0.0.1:18182/metrics || true
    sleep "$SCRAPE_EVERY"
  done
}

measure() {
  local k=$1 secs=$2
  if [ "$k" = after ] && [ "$SCRAPE_EVERY" != 0 ]; then
    sleep "$secs" & local timer=$!
    scrape_while "$timer" &
    wrk_rate "${URL[$k]}" "$secs" "$CONNS" "${TOKEN[$k]}"
    wait "$timer" 2>/dev/null || true
  else
    wrk_rate "${URL[$k]}" "$secs" "$CONNS" "${TOKEN[$k]}"
  fi
}

WARMUP=${WARMUP:-30}
echo "warming up each for $WARMUP s ..."
for k in $KINDS; do measure "$k" "$WARMUP" >/dev/null; done

for i in $(seq 1 "$RUNS"); do
  line="run $i:"
  order=$KINDS
  if [ $((i % 2)) = 0 ]; then order="baseline after before"; fi
  for k in $order; do
    read -r rps p99 bad < <(measure "$k" "$SECS")
    echo "$rps" >>"$DATA/$k.rps"
    line="$line  $k $rps/s (p99 $p99, non-2xx $bad)"
  done
  b=$(tail -1 "$DATA/before.rps"); a=$(tail -1 "$DATA/after.rps"); base=$(tail -1 "$DATA/baseline.rps")
  awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f\n", a / b}' >>"$DATA/after-before.ratio"
  awk -v g="$b" -v x="$base" 'BEGIN {printf "%.3f\n", g / x}' >>"$DATA/before.ratio"
  awk -v g="$a" -v x="$base" 'BEGIN {printf "%.3f\n", g / x}' >>"$DATA/after.ratio"
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "medians over $RUNS runs of $SECS s, $CONNS connections:"
echo "  baseline  $(median <"$DATA/baseline.rps") req/s"
echo "  before    $(median <"$DATA/before.rps") payments/s, ratio to baseline $(median <"$DATA/before.ratio")"
echo "  after     $(median <"$DATA/after.rps") payments/s, ratio to baseline $(median <"$DATA/after.ratio")"
echo "  after / before, per run: $(tr '\n' ' ' <"$DATA/after-before.ratio")-> median $(median <"$DATA/after-before.ratio")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
