#!/usr/bin/env bash
# What webhooks cost the payment path: durable payments per second of a merchant with no webhook
# endpoint against one with an endpoint subscribed to every payment event (a local receiver that
# answers 2xx), two gateways measured alternately in the same run so that the ratio holds on a
# noisy machine. The receiver is the benchmarks' bare Jersey server (any 2xx will do).
#
# Usage: benchmarks/webhooks.sh [RUNS=5] [SECONDS=10] [CONNECTIONS=32]
# Env:   as throughput.sh (JAVA, GATEWAY_JVM_OPTS, WARMUP seconds, default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RUNS=${1:-5}
SECS=${2:-10}
CONNS=${3:-32}
need_wrk

DATA=$(mktemp -d /tmp/paygate-bench.XXXXXX)
start_baseline 18091
# Loopback receiver over plain HTTP: allowed explicitly, as an operator would.
ALLOW="PAYGATE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true PAYGATE_WEBHOOKS_ALLOW_HTTP=true"
start_gateway 18090 "$DATA/none" $ALLOW
start_gateway 18092 "$DATA/subscribed" $ALLOW
TOKEN_NONE=$(merchant_token 18090)
TOKEN_SUB=$(merchant_token 18092)
curl -sf http://127.0.0.1:18092/api/webhooks/endpoints -H "Authorization: Bearer $TOKEN_SUB" \
  -H 'Content-Type: application/json' \
  -d '{"url":"http://127.0.0.1:18091/api/process","events":["payment.authorised","payment.declined","payment.failed","payment.unknown","payment.settled"]}' \
  >"$DATA/endpoint.json"
ENDPOINT=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$DATA/endpoint.json")

WARMUP=${WARMUP:-10}
echo "warming up each for $WARMUP s ... (load average $(cut -d' ' -f1-3 /proc/loadavg))"
wrk_rate http://127.0.0.1:18090/api/process "$WARMUP" "$CONNS" "$TOKEN_NONE" >/dev/null
wrk_rate http://127.0.0.1:18092/api/process "$WARMUP" "$CONNS" "$TOKEN_SUB" >/dev/null

for i in $(seq 1 "$RUNS"); do
  read -r none p99n badn < <(wrk_rate http://127.0.0.1:18090/api/process "$SECS" "$CONNS" "$TOKEN_NONE")
  read -r sub p99s bads < <(wrk_rate http://127.0.0.1:18092/api/process "$SECS" "$CONNS" "$TOKEN_SUB")
  echo "$none" >>"$DATA/none.rps"
  echo "$sub" >>"$DATA/sub.rps"
  awk -v s="$sub" -v n="$none" 'BEGIN {printf "%.3f\n", s / n}' >>"$DATA/ratio"
  echo "run $i:  no endpoint $none/s (p99 $p99n, non-2xx $badn)  subscribed $sub/s (p99 $p99s, non-2xx $bads)  load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "medians over $RUNS runs of $SECS s, $CONNS connections:"
echo "  no endpoint  $(median <"$DATA/none.rps") payments/s"
echo "  subscribed   $(median <"$DATA/sub.rps") payments/s, ratio $(median <"$DATA/ratio")"
# The deliveries catch up after the load: the endpoint has no failure, and its latest attempts
# are 2xx.
sleep 5
curl -sf "http://127.0.0.1:18092/api/webhooks/endpoints/$ENDPOINT" -H "Authorization: Bearer $TOKEN_SUB" |
  sed 's/.*"enabled":\([a-z]*\).*"consecutiveFailures":\([0-9]*\).*/  endpoint after the run: enabled=\1, consecutive failures=\2/'
curl -sf "http://127.0.0.1:18092/api/webhooks/endpoints/$ENDPOINT/deliveries?limit=200" -H "Authorization: Bearer $TOKEN_SUB" |
  python3 -c 'import json,sys; a=json.load(sys.stdin); ok=sum(1 for x in a if x["statusCode"] and 200<=x["statusCode"]<300); d=sorted(x["durationMs"] for x in a); print("  last %d attempts: %d 2xx, median %d ms" % (len(a), ok, d[len(d)//2] if d else 0))'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
