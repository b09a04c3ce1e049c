#!/usr/bin/env bash
# Latency at a fixed rate (open loop, so a stall shows as latency): the gateway with the embedded
# Piggy Bank simulator answering at once, and the baseline at the same rate. For the gateway, two
# lines: the total latency, bank round trip (loopback HTTP to the simulator) included, and the
# gateway-added latency, the total of each answer minus the bank's time the gateway reports in its
# Server-Timing header (issue 7's figure). Both count from each request's due time, so a request
# that waits for a free worker or a core counts that wait as the gateway's.
#
# Usage: benchmarks/latency.sh RATE [SECONDS=20] [CONCURRENCY=64]
# Env:   WARMUP seconds of closed-loop load on each server first (default 60): with less, the
#        gateway's JIT is still compiling and it falls behind even at a quarter of its peak.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
# percentiles JSON KEY: "p50 … ms, p90 …, p99 …, p99.9 …, max …" of one loadgen figure.
percentiles() {
  echo "p50 $(json_field "$1" "$2.p50") ms, p90 $(json_field "$1" "$2.p90") ms," \
    "p99 $(json_field "$1" "$2.p99") ms, p99.9 $(json_field "$1" "$2.p999") ms," \
    "max $(json_field "$1" "$2.max") ms"
}
RATE=${1:?give the rate, e.g. half of the peak from throughput.sh}
SECS=${2:-20}
CONC=${3:-64}
DATA=$(mktemp -d /tmp/paygate-lat.XXXXXX)
start_gateway 18085 "$DATA/gw"
start_baseline 18086
WARMUP=${WARMUP:-60}
for port in 18085 18086; do
  loadgen_json --url "http://127.0.0.1:$port" --merchants 4 -c 32 --mix authorised=100 \
    -d "${WARMUP}s" >/dev/null
done
COMMON=(--merchants 4 -c "$CONC" --rate "$RATE" --mix authorised=100 --warmup 5s -d "${SECS}s")
for target in baseline:18086 gateway:18085; do
  name=${target%%:*}; port=${target##*:}
  j=$(loadgen_json --url "http://127.0.0.1:$port" "${COMMON[@]}")
  echo "$name at $RATE/s: $(json_field "$j" throughput) req/s, errors $(json_field "$j" errors)," \
    "total $(percentiles "$j" latencyMs)"
  # Only the gateway says how long its bank took (Server-Timing); the baseline calls no bank.
  if [ "$(json_field "$j" gatewayAddedMs.count 2>/dev/null || echo 0)" != 0 ]; then
    echo "$name at $RATE/s: gateway-added $(percentiles "$j" gatewayAddedMs)" \
      "($(json_field "$j" gatewayAddedMs.count) answers with a bank time)"
  fi
done
