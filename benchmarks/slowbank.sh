#!/usr/bin/env bash
# A slow bank: the embedded simulator answers after 200 ms. One load generator keeps 5,000
# payments in flight (closed loop) while a second, for other merchants, pays at a low rate and
# probes /health. Reports their latencies, the gateway's threads and peak resident memory.
#
# Usage: benchmarks/slowbank.sh [IN_FLIGHT=5000] [SECONDS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
FLIGHT=${1:-5000}
SECS=${2:-30}
DATA=$(mktemp -d /tmp/paygate-slow.XXXXXX)
start_gateway 18087 "$DATA/gw" PAYGATE_ACQUIRER_PIGGYBANK_SIMULATORDELAY=200ms \
  PAYGATE_ACQUIRER_PIGGYBANK_MAXCONNECTIONS=$((FLIGHT + 500)) \
  PAYGATE_ACQUIRER_MAX_CONCURRENCY=$((FLIGHT + 500)) PAYGATE_ACQUIRER_TIMEOUT=60s
ulimit -n 65536 2>/dev/null || true
loadgen_json --url http://127.0.0.1:18087 --merchants 20 -c "$FLIGHT" --mix authorised=100 \
  --timeout 120s --warmup 10s -d "${SECS}s" >"$DATA/flood.json" &
FLOOD=$!
sleep 12
others=$(loadgen_json --url http://127.0.0.1:18087 --merchants 2 -c 16 --rate 20 \
  --mix authorised=100 --health-probe 100ms -d "$((SECS - 5))s")
threads_during=$(awk '/^Threads/ {print $2}' /proc/$GATEWAY_PID/status)
wait "$FLOOD"
flood=$(cat "$DATA/flood.json")
echo "flood ($FLIGHT in flight): $(json_field "$flood" throughput) payments/s, errors $(json_field "$flood" errors)," \
  "p50 $(json_field "$flood" latencyMs.p50) ms, p99 $(json_field "$flood" latencyMs.p99) ms"
echo "other merchants at 20/s: errors $(json_field "$others" errors), p50 $(json_field "$others" latencyMs.p50) ms," \
  "p99 $(json_field "$others" latencyMs.p99) ms, max $(json_field "$others" latencyMs.max) ms"
echo "/health during the flood: p50 $(json_field "$others" healthMs.p50) ms, p99 $(json_field "$others" healthMs.p99) ms, max $(json_field "$others" healthMs.max) ms"
echo "gateway: $threads_during threads during the flood, peak resident memory $(awk '/VmHWM/ {printf "%d MB", $2/1024}' /proc/$GATEWAY_PID/status)"
