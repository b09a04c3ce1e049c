#!/usr/bin/env bash
# Start-up to ready: from launching the gateway jar on a fresh data folder until /ready answers
# 200 (database created and migrated, plug-ins loaded, Piggy Bank simulator up). Each run starts
# the gateway twice, alternately: plain `java -jar`, and with the class-data archive that run.sh
# uses (recorded once, first, by a training start). Medians of RUNS, and their ratio.
#
# Usage: benchmarks/startup.sh [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RUNS=${1:-5}
DATA=$(mktemp -d /tmp/paygate-start.XXXXXX)
QUIET_CDS="-Xlog:cds=off,cds+dynamic=off"

# Training start: the archive is written when the gateway exits (SIGTERM runs the JVM's exit).
GATEWAY_JVM_OPTS="-XX:ArchiveClassesAtExit=$DATA/gateway.jsa $QUIET_CDS" start_gateway 18088 "$DATA/train"
kill "$GATEWAY_PID"; wait "$GATEWAY_PID" 2>/dev/null || true
[ -f "$DATA/gateway.jsa" ] || { echo "no class-data archive was written" >&2; exit 1; }

for i in $(seq 1 "$RUNS"); do
  for kind in plain cds; do
    opts=""
    [ "$kind" = cds ] && opts="-XX:SharedArchiveFile=$DATA/gateway.jsa $QUIET_CDS"
    GATEWAY_JVM_OPTS="$opts" start_gateway 18088 "$DATA/$kind$i"
    echo "run $i $kind: ready in $STARTUP_MS ms"
    echo "$STARTUP_MS" >>"$DATA/$kind.ms"
    stop_pid "$GATEWAY_PID"
  done
done
plain=$(median <"$DATA/plain.ms"); cds=$(median <"$DATA/cds.ms")
echo "median start-up to ready: plain $plain ms, with the class-data archive $cds ms" \
  "(ratio $(awk -v c="$cds" -v p="$plain" 'BEGIN {printf "%.2f", c / p}'))"
