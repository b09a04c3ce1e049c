#!/usr/bin/env bash
# The SDK's submit against a bare OkHttp loop at the same concurrency, against the same gateway,
# alternately in the same run. Both are the load generator: --client sdk and --client raw.
#
# Usage: benchmarks/sdk.sh [RUNS=3] [SECONDS=10] [CONCURRENCY=16]
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RUNS=${1:-3}
SECS=${2:-10}
CONC=${3:-16}
DATA=$(mktemp -d /tmp/paygate-sdk.XXXXXX)
start_gateway 18084 "$DATA/gw"
COMMON=(--url http://127.0.0.1:18084 --merchants 4 -c "$CONC" --mix authorised=100 --warmup 5s -d "${SECS}s")
for i in $(seq 1 "$RUNS"); do
  raw=$(loadgen_json "${COMMON[@]}" --client raw)
  sdk=$(loadgen_json "${COMMON[@]}" --client sdk)
  r=$(json_field "$raw" throughput); s=$(json_field "$sdk" throughput)
  ratio=$(awk -v s="$s" -v r="$r" 'BEGIN {printf "%.3f", s / r}')
  echo "run $i: raw OkHttp $r payments/s (p99 $(json_field "$raw" latencyMs.p99) ms, errors $(json_field "$raw" errors))" \
    "  SDK $s payments/s (p99 $(json_field "$sdk" latencyMs.p99) ms, errors $(json_field "$sdk" errors))   ratio $ratio"
  echo "$ratio" >>"$DATA/ratios"
done
echo "median SDK/raw ratio over $RUNS runs: $(median <"$DATA/ratios")"
