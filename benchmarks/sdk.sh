#!/usr/bin/env bash
# The SDK's submit against a bare OkHttp loop at the same concurrency, alternately in the same run
# (the order swapped every run). Both are the load generator: --client sdk and --client raw. The
# server is the baseline by default, fast enough that the client is what costs; TARGET=gateway
# drives a gateway instead (then the gateway limits both and the ratio says little).
#
# Each run also reports the client JVM's CPU time per request over the measured window, which the
# other processes on the machine change far less than they change throughput.
#
# Each run is a fresh client JVM, warmed up for WARMUP seconds before it is measured. On two shared
# cores the JIT needs 15-20 s to compile the client's hot path; the SDK has more code on it than
# the bare loop, so a short warm-up measures its compilation, not its steady state.
#
# Usage: [TARGET=baseline|gateway] [WARMUP=20] benchmarks/sdk.sh [RUNS=3] [SECONDS=10] [CONCURRENCY=16]
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RUNS=${1:-3}
SECS=${2:-10}
CONC=${3:-16}
DATA=$(mktemp -d /tmp/paygate-sdk.XXXXXX)
if [ "${TARGET:-baseline}" = gateway ]; then
  start_gateway 18084 "$DATA/gw"
else
  start_baseline 18084
fi
BASE=(--url http://127.0.0.1:18084 --merchants 4 -c "$CONC" --mix authorised=100)
loadgen_json "${BASE[@]}" --client raw -d 20s >/dev/null   # warm the server up
COMMON=("${BASE[@]}" --warmup "${WARMUP:-20}s" -d "${SECS}s")
for i in $(seq 1 "$RUNS"); do
  if [ $((i % 2)) = 1 ]; then
    raw=$(loadgen_json "${COMMON[@]}" --client raw); sdk=$(loadgen_json "${COMMON[@]}" --client sdk)
  else
    sdk=$(loadgen_json "${COMMON[@]}" --client sdk); raw=$(loadgen_json "${COMMON[@]}" --client raw)
  fi
  r=$(json_field "$raw" throughput); s=$(json_field "$sdk" throughput)
  ratio=$(awk -v s="$s" -v r="$r" 'BEGIN {printf "%.3f", s / r}')
  echo "run $i: raw OkHttp $r req/s (p99 $(json_field "$raw" latencyMs.p99) ms, errors $(json_field "$raw" errors)," \
    "$(json_field "$raw" clientCpuUsPerRequest) CPU-us/req)   SDK $s req/s (p99 $(json_field "$sdk" latencyMs.p99) ms," \
    "errors $(json_field "$sdk" errors), $(json_field "$sdk" clientCpuUsPerRequest) CPU-us/req)   ratio $ratio   load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$ratio" >>"$DATA/ratios"
  json_field "$raw" clientCpuUsPerRequest >>"$DATA/raw-cpu"
  json_field "$sdk" clientCpuUsPerRequest >>"$DATA/sdk-cpu"
done
echo "median SDK/raw ratio over $RUNS runs against the ${TARGET:-baseline}: $(median <"$DATA/ratios")"
echo "median client CPU per request: raw OkHttp $(median <"$DATA/raw-cpu") us, SDK $(median <"$DATA/sdk-cpu") us"
