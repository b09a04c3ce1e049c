#!/usr/bin/env bash
# Profiles the gateway under the payment load with Java Flight Recorder and prints where the CPU
# samples fall (by component: the first match from the top of each stack, see jfr_categories.py)
# and the hottest leaf methods. Extra gateway settings go in the environment (PAYGATE_*).
#
# Usage: benchmarks/profile.sh [SECONDS=20] [CONNECTIONS=32]  -> /tmp/paygate-profile.jfr
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
SECS=${1:-20}
CONNS=${2:-32}
need_wrk
DATA=$(mktemp -d /tmp/paygate-prof.XXXXXX)
GATEWAY_JVM_OPTS="${GATEWAY_JVM_OPTS:-} -XX:StartFlightRecording=filename=/tmp/paygate-profile.jfr,settings=profile,dumponexit=true"
start_gateway 18090 "$DATA/gw"
TOKEN=$(merchant_token 18090)
wrk_rate http://127.0.0.1:18090/api/process 10 "$CONNS" "$TOKEN" >/dev/null
echo "measured: $(wrk_rate http://127.0.0.1:18090/api/process "$SECS" "$CONNS" "$TOKEN") (req/s p99 non-2xx)"
kill "$GATEWAY_PID"; wait "$GATEWAY_PID" 2>/dev/null || true
JFR=$(dirname "$JAVA")/jfr
"$JFR" print --events jdk.ExecutionSample --stack-depth 80 /tmp/paygate-profile.jfr >/tmp/paygate-samples.txt
python3 benchmarks/jfr_categories.py /tmp/paygate-samples.txt
