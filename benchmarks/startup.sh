#!/usr/bin/env bash
# Start-up to ready: from launching the gateway jar on a fresh data folder until /ready answers
# 200 (database migrated, plug-ins loaded, Piggy Bank simulator up). Median of RUNS.
#
# Usage: benchmarks/startup.sh [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RUNS=${1:-5}
DATA=$(mktemp -d /tmp/paygate-start.XXXXXX)
for i in $(seq 1 "$RUNS"); do
  start_gateway 18088 "$DATA/gw$i"
  echo "run $i: ready in $STARTUP_MS ms"
  echo "$STARTUP_MS" >>"$DATA/ms"
  stop_pid "$GATEWAY_PID"
done
echo "median start-up to ready: $(median <"$DATA/ms") ms"
