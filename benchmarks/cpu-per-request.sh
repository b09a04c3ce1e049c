#!/usr/bin/env bash
# CPU time per request, the figure that noise from other processes does not move: the CPU seconds
# the server process used (user + system, /proc/PID/stat) during a wrk run, divided by the
# requests answered. For the baseline and the gateway (durable, group commit), same wrk load.
#
# Usage: benchmarks/cpu-per-request.sh [SECONDS=10] [CONNECTIONS=32] [WARMUP_SECONDS=60]
# (a long warm-up: on a shared machine the JIT compiler threads are still busy after 20 s)
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
SECS=${1:-10}
CONNS=${2:-32}
WARMUP=${3:-60}
need_wrk
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
DATA=$(mktemp -d /tmp/paygate-cpu.XXXXXX)
start_baseline 18091
start_gateway 18092 "$DATA/gw"
TOKEN=$(merchant_token 18092)
for target in baseline:18091:$BASELINE_PID: gateway:18092:$GATEWAY_PID:$TOKEN; do
  IFS=: read -r name port pid token <<<"$target"
  wrk_rate "http://127.0.0.1:$port/api/process" "$WARMUP" "$CONNS" "$token" >/dev/null
  c0=$(cpu_ticks "$pid")
  out=$(TOKEN=$token wrk -t2 -c"$CONNS" -d"$SECS"s -s benchmarks/payment.lua "http://127.0.0.1:$port/api/process")
  c1=$(cpu_ticks "$pid")
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v n="$n" -v c=$((c1 - c0)) -v t="$TICK" -v name="$name" -v s="$SECS" \
    'BEGIN {printf "%-9s %d requests in %d s, %.2f CPU-s used (%.0f%% of one core): %.0f CPU-us per request\n", name, n, s, c/t, 100*c/t/s, 1e6*c/t/n}'
done
