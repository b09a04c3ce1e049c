#!/usr/bin/env bash
# Profiles a gateway whose merchant has one webhook endpoint subscribed to every payment event (a
# loopback receiver answering 2xx, as in webhooks.sh) under the payment load, with Java Flight
# Recorder, and prints the CPU samples by thread (how much the dispatcher, the delivery threads
# and the group commit take beside the payment threads) and by component (jfr_categories.py).
#
# Usage: benchmarks/webhooks-profile.sh [SECONDS=20] [CONNECTIONS=32]  -> /tmp/paygate-webhooks.jfr
# Env:   GATEWAY_JAR (another build: profile before and after a change), PORT (default 18290; the
#        receiver on PORT+1), WARMUP seconds (default 20), GATEWAY_ENV: more settings (e.g.
#        "PAYGATE_WEBHOOKS_BUSY_RATE=1" to profile the outbox rows with almost no delivery).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
SECS=${1:-20}
CONNS=${2:-32}
need_wrk
P=${PORT:-18290}
RECEIVER=$((P + 1))
OUT=/tmp/paygate-webhooks.jfr
DATA=$(mktemp -d /tmp/paygate-whprof.XXXXXX)
start_baseline $RECEIVER
GATEWAY_JVM_OPTS="${GATEWAY_JVM_OPTS:-} -XX:StartFlightRecording=filename=$OUT,settings=profile,dumponexit=true"
# shellcheck disable=SC2086 # GATEWAY_ENV is a list of NAME=value words
start_gateway $P "$DATA/gw" PAYGATE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true PAYGATE_WEBHOOKS_ALLOW_HTTP=true ${GATEWAY_ENV:-}
TOKEN=$(merchant_token $P)
curl -sf http://127.0.0.1:$P/api/webhooks/endpoints -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"url":"http://127.0.0.1:'"$RECEIVER"'/createuser","events":["payment.authorised","payment.declined","payment.failed","payment.unknown","payment.settled"]}' >/dev/null
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk_rate http://127.0.0.1:$P/api/process "${WARMUP:-20}" "$CONNS" "$TOKEN" >/dev/null
echo "measured: $(wrk_rate http://127.0.0.1:$P/api/process "$SECS" "$CONNS" "$TOKEN") (req/s p99 non-2xx)"
# Trailing deliveries are part of the cost: give them 2 s, as webhooks.sh does.
sleep 2
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_pid "$GATEWAY_PID"
JFR=$(dirname "$JAVA")/jfr
"$JFR" print --events jdk.ExecutionSample --stack-depth 80 "$OUT" >/tmp/paygate-webhooks-samples.txt
python3 benchmarks/jfr_threads.py /tmp/paygate-webhooks-samples.txt
python3 benchmarks/jfr_categories.py /tmp/paygate-webhooks-samples.txt
