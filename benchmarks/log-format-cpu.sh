#!/usr/bin/env bash
# CPU per payment with each log set-up, the access log's one line per request included: text
# (the default), json (PAYGATE_LOG_FORMAT=json), and off (PAYGATE_LOG_LEVEL=WARN: no access lines,
# the baseline of this comparison). Each gateway is started on its own, warmed, measured with wrk,
# and stopped before the next; the rounds alternate the three, so a load change on a shared
# machine hits each alike. The figure is CPU time of the server process (user + system, from
# /proc/PID/stat) divided by the requests answered, as in cpu-per-request.sh.
#
# Usage: benchmarks/log-format-cpu.sh [ROUNDS=2] [SECONDS=10] [CONNECTIONS=32] [WARMUP_SECONDS=40]
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
ROUNDS=${1:-2}
SECS=${2:-10}
CONNS=${3:-32}
WARMUP=${4:-40}
need_wrk
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
DATA=$(mktemp -d /tmp/paygate-logs.XXXXXX)
port=18120
for round in $(seq 1 "$ROUNDS"); do
  for variant in text json off; do
    port=$((port + 1))
    case $variant in
      text) extra=(PAYGATE_LOG_FORMAT=text) ;;
      json) extra=(PAYGATE_LOG_FORMAT=json) ;;
      off) extra=(PAYGATE_LOG_LEVEL=WARN) ;;
    esac
    start_gateway "$port" "$DATA/gw-$variant-$round" "${extra[@]}"
    pid=$GATEWAY_PID
    token=$(merchant_token "$port")
    wrk_rate "http://127.0.0.1:$port/api/process" "$WARMUP" "$CONNS" "$token" >/dev/null
    c0=$(cpu_ticks "$pid")
    out=$(TOKEN=$token wrk -t2 -c"$CONNS" -d"$SECS"s -s benchmarks/payment.lua \
      "http://127.0.0.1:$port/api/process")
    c1=$(cpu_ticks "$pid")
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    lines=$(grep -c 'paygate.access' "$DATA/gw-$variant-$round.log" || true)
    awk -v n="$n" -v c=$((c1 - c0)) -v t="$TICK" -v name="$variant" -v s="$SECS" -v r="$round" \
      -v l="$lines" 'BEGIN {printf "round %d %-5s %d requests in %d s, %.2f CPU-s: %.0f CPU-us per request (access lines logged: %d)\n", r, name, n, s, c/t, 1e6*c/t/n, l}'
    stop_pid "$pid"
  done
done
