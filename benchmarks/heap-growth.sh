#!/usr/bin/env bash
# Whether the gateway's heap holds up under sustained load: a gateway with a capped heap takes
# BLOCKS blocks of SECONDS of closed-loop payments (wrk, 32 connections), and after each block the
# script prints the block's rate, the resident memory and the last line of the GC log (its
# "before->after(heap)" is the live set after that collection). Run it with the Piggy Bank
# simulator inside the gateway (the default) and with BANK=process (lib.sh) to see what the
# embedded simulator's store of every payment costs the gateway's heap. Ends with the number of
# OutOfMemoryError lines in the gateway's log.
#
# Usage: benchmarks/heap-growth.sh [BLOCKS=6] [SECONDS=30]
# Env:   HEAP (default 256m), BANK, JAVA. The GC log is /tmp/paygate-heap-growth-$BANK.gc.log.
# Needs the jar: mvn -B -o -pl gateway-server -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
BLOCKS=${1:-6}
SECS=${2:-30}
need_wrk
GC_LOG=/tmp/paygate-heap-growth-$BANK.gc.log
DATA=$(mktemp -d /tmp/paygate-heap.XXXXXX)
echo "heap-growth.sh $(date -u +%FT%TZ): -Xmx${HEAP:-256m}, bank $BANK, load $(cut -d' ' -f1-3 /proc/loadavg)"
GATEWAY_JVM_OPTS="-Xmx${HEAP:-256m} -Xlog:gc:file=$GC_LOG ${GATEWAY_JVM_OPTS:-}" \
  start_gateway 18395 "$DATA/gw"
TOKEN=$(merchant_token 18395)
for i in $(seq 1 "$BLOCKS"); do
  read -r rps p99 bad < <(wrk_rate http://127.0.0.1:18395/api/process "$SECS" 32 "$TOKEN")
  echo "block $i: $rps payments/s (p99 $p99, non-2xx $bad), resident" \
    "$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$GATEWAY_PID/status"), last GC:" \
    "$(tail -1 "$GC_LOG" | sed 's/.*\] //')"
done
echo "OutOfMemoryError lines in the gateway's log: $(grep -c OutOfMemoryError "$DATA/gw.log" || true)"
