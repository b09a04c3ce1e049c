#!/usr/bin/env bash
# What webhooks cost the payment path: durable payments per second of a merchant with no webhook
# endpoint against one with an endpoint subscribed to every payment event (a local receiver that
# answers 2xx), two gateways measured alternately in the same run so that the ratio holds on a
# noisy machine. The receiver is the benchmarks' bare Jersey server: its /createuser reads the
# body and answers 201 (any 2xx will do).
#
# After each subscribed run it waits until the outbox is empty (the paygate_webhooks_pending metric;
# builds without it: 2 s) and prints how long that took: under peak load deliveries lag by design
# (webhooks.busy.*) and catch up once it stops; the next run starts on a quiet gateway, and the
# CPU per payment includes every delivery. Then latency at a fixed rate, half of the no-endpoint
# median unless RATE is given, with and without the endpoint.
#
# OUTBOX_ONLY=1 adds a third gateway, subscribed the same way but with deliveries held to one a
# second while payments are busy (webhooks.busy.rate=1): its payments write their outbox rows and
# almost nothing is delivered during the run. Subscribed against outbox-only is what the
# deliveries cost the payments; outbox-only against no endpoint is what the outbox row costs.
#
# Usage: benchmarks/webhooks.sh [RUNS=5] [SECONDS=10] [CONNECTIONS=32]
# Env:   as throughput.sh (JAVA, GATEWAY_JVM_OPTS, WARMUP seconds, default 10); PORT (default
#        18090): the gateways listen on PORT and PORT+2, the receiver on PORT+1; RATE (payments/s)
#        and LAT_SECONDS (default 10) for the fixed-rate part; GATEWAY_ENV: more settings for
#        every gateway (e.g. "PAYGATE_WEBHOOKS_BUSY_PAYMENTS=0" to turn the governor off).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RUNS=${1:-5}
SECS=${2:-10}
CONNS=${3:-32}
need_wrk
P=${PORT:-18090}
NONE=$P; RECEIVER=$((P + 1)); SUB=$((P + 2)); OUT=$((P + 3))

DATA=$(mktemp -d /tmp/paygate-bench.XXXXXX)
start_baseline $RECEIVER
# Loopback receiver over plain HTTP: allowed explicitly, as an operator would.
ALLOW="PAYGATE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true PAYGATE_WEBHOOKS_ALLOW_HTTP=true"
RECEIVER_PID=$BASELINE_PID
start_gateway $NONE "$DATA/none" $ALLOW ${GATEWAY_ENV:-}
NONE_PID=$GATEWAY_PID
start_gateway $SUB "$DATA/subscribed" $ALLOW ${GATEWAY_ENV:-}
SUB_PID=$GATEWAY_PID
SUBSCRIBED_PORTS="$SUB"
if [ -n "${OUTBOX_ONLY:-}" ]; then
  start_gateway $OUT "$DATA/outbox" $ALLOW ${GATEWAY_ENV:-} PAYGATE_WEBHOOKS_BUSY_RATE=1
  OUT_PID=$GATEWAY_PID
  SUBSCRIBED_PORTS="$SUB $OUT"
fi
# CPU ticks (1/100 s) a process has used: CPU per payment is the figure a busy machine moves least.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# pending PORT: that gateway's undelivered deliveries (empty when the build has no metric).
pending() {
  curl -sf "http://127.0.0.1:$1/metrics" -H "Authorization: Bearer $OPERATOR_KEY" |
    awk '/^paygate_webhooks_pending / {printf "%d", $2}'
}
# drain [PORT]: waits until the outbox of that gateway (default: the subscribed one) is empty (at
# most 10 min) and prints the seconds it took and the backlog it started from, or waits 2 s when
# the build has no metric.
drain() {
  local t0 n first port=${1:-$SUB}
  t0=$(date +%s%N)
  first=$(pending "$port")
  if [ -z "$first" ]; then
    sleep 2
    echo "n/a (2 s pause)"
    return
  fi
  n=$first
  while [ "$n" != 0 ] && [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 600 ]; do
    sleep 0.5
    n=$(pending "$port")
  done
  echo "$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN {printf "%.1f", ns / 1e9}') s from $first pending"
}
TOKEN_NONE=$(merchant_token $NONE)
# subscribe PORT TOKEN: registers the receiver for every payment event; prints the endpoint's id.
subscribe() {
  curl -sf "http://127.0.0.1:$1/api/webhooks/endpoints" -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' \
    -d '{"url":"http://127.0.0.1:'"$RECEIVER"'/createuser","events":["payment.authorised","payment.declined","payment.failed","payment.unknown","payment.settled"]}' |
    sed 's/.*"id":"\([^"]*\)".*/\1/'
}
TOKEN_SUB=$(merchant_token $SUB)
ENDPOINT=$(subscribe $SUB "$TOKEN_SUB")
if [ -n "${OUTBOX_ONLY:-}" ]; then
  TOKEN_OUT=$(merchant_token $OUT)
  subscribe $OUT "$TOKEN_OUT" >/dev/null
fi

WARMUP=${WARMUP:-10}
echo "warming up each for $WARMUP s ... (load average $(cut -d' ' -f1-3 /proc/loadavg))"
wrk_rate http://127.0.0.1:$NONE/api/process "$WARMUP" "$CONNS" "$TOKEN_NONE" >/dev/null
wrk_rate http://127.0.0.1:$SUB/api/process "$WARMUP" "$CONNS" "$TOKEN_SUB" >/dev/null
[ -z "${OUTBOX_ONLY:-}" ] ||
  wrk_rate http://127.0.0.1:$OUT/api/process "$WARMUP" "$CONNS" "$TOKEN_OUT" >/dev/null
# The warm-up's deliveries would otherwise catch up during the first no-endpoint run and slow it.
for port in $SUBSCRIBED_PORTS; do echo "outbox of :$port drained after the warm-up: $(drain $port)"; done

for i in $(seq 1 "$RUNS"); do
  t0=$(ticks $NONE_PID)
  read -r none p99n badn < <(wrk_rate http://127.0.0.1:$NONE/api/process "$SECS" "$CONNS" "$TOKEN_NONE")
  t1=$(ticks $NONE_PID); s0=$(ticks $SUB_PID); r0=$(ticks $RECEIVER_PID)
  read -r sub p99s bads < <(wrk_rate http://127.0.0.1:$SUB/api/process "$SECS" "$CONNS" "$TOKEN_SUB")
  # The subscribed gateway's deliveries trail its payments: wait for them, and count their CPU.
  drained=$(drain)
  s1=$(ticks $SUB_PID); r1=$(ticks $RECEIVER_PID)
  echo "$none" >>"$DATA/none.rps"
  echo "$sub" >>"$DATA/sub.rps"
  awk -v s="$sub" -v n="$none" 'BEGIN {printf "%.3f\n", s / n}' >>"$DATA/ratio"
  cpun=$(awk -v t=$((t1 - t0)) -v r="$none" -v d="$SECS" 'BEGIN {printf "%d", t * 10000 / (r * d)}')
  cpus=$(awk -v t=$((s1 - s0)) -v r="$sub" -v d="$SECS" 'BEGIN {printf "%d", t * 10000 / (r * d)}')
  cpur=$(awk -v t=$((r1 - r0)) -v r="$sub" -v d="$SECS" 'BEGIN {printf "%d", t * 10000 / (r * d)}')
  echo "$cpun" >>"$DATA/none.cpu"; echo "$cpus" >>"$DATA/sub.cpu"
  echo "run $i:  no endpoint $none/s (p99 $p99n, non-2xx $badn, $cpun CPU-us/payment)  subscribed $sub/s (p99 $p99s, non-2xx $bads, $cpus CPU-us/payment, receiver $cpur)  load $(cut -d' ' -f1 /proc/loadavg)"
  echo "       outbox drained after the run: $drained"
  if [ -n "${OUTBOX_ONLY:-}" ]; then
    o0=$(ticks $OUT_PID)
    read -r out p99o bado < <(wrk_rate http://127.0.0.1:$OUT/api/process "$SECS" "$CONNS" "$TOKEN_OUT")
    o1=$(ticks $OUT_PID)  # before the drain: the CPU of the payments and their outbox rows only
    echo "$out" >>"$DATA/out.rps"
    awk -v o="$out" -v n="$none" 'BEGIN {printf "%.3f\n", o / n}' >>"$DATA/out.ratio"
    awk -v s="$sub" -v o="$out" 'BEGIN {printf "%.3f\n", s / o}' >>"$DATA/sub-out.ratio"
    cpuo=$(awk -v t=$((o1 - o0)) -v r="$out" -v d="$SECS" 'BEGIN {printf "%d", t * 10000 / (r * d)}')
    echo "$cpuo" >>"$DATA/out.cpu"
    echo "       outbox only $out/s (p99 $p99o, non-2xx $bado, $cpuo CPU-us/payment before delivery), drained after: $(drain $OUT)"
  fi
done
echo "medians over $RUNS runs of $SECS s, $CONNS connections:"
echo "  no endpoint  $(median <"$DATA/none.rps") payments/s, $(median <"$DATA/none.cpu") CPU-us per payment"
echo "  subscribed   $(median <"$DATA/sub.rps") payments/s, ratio $(median <"$DATA/ratio"), $(median <"$DATA/sub.cpu") CPU-us per payment (delivery included)"
if [ -n "${OUTBOX_ONLY:-}" ]; then
  echo "  outbox only  $(median <"$DATA/out.rps") payments/s, ratio to no endpoint $(median <"$DATA/out.ratio"), $(median <"$DATA/out.cpu") CPU-us per payment (no delivery)"
  echo "  subscribed / outbox only: $(median <"$DATA/sub-out.ratio") (what deliveries during the run cost the payments)"
fi
# Latency at a fixed rate, well below saturation: what an endpoint costs a payment's answer time.
RATE=${RATE:-$(median <"$DATA/none.rps" | awk '{printf "%d", $1 / 2}')}
LAT=${LAT_SECONDS:-10}
paced() {
  CONNS=16 RATE=$RATE TOKEN=$2 wrk -t2 -c16 -d"${LAT}s" --latency -s benchmarks/payment-paced.lua "$1" |
    awk '$1=="50%" {p50=$2} $1=="99%" {p99=$2} /^Requests\/sec/ {r=$2} END {printf "%s/s reached, p50 %s, p99 %s", r, p50, p99}'
}
echo "at a fixed rate of $RATE/s asked ($LAT s each, 16 connections, closed loop):"
echo "  no endpoint  $(paced http://127.0.0.1:$NONE/api/process "$TOKEN_NONE")"
echo "  subscribed   $(paced http://127.0.0.1:$SUB/api/process "$TOKEN_SUB"), outbox drained after: $(drain)"
# The deliveries caught up after the load: the endpoint has no failure, and its latest attempts
# are 2xx.
curl -sf "http://127.0.0.1:$SUB/api/webhooks/endpoints/$ENDPOINT" -H "Authorization: Bearer $TOKEN_SUB" |
  sed 's/.*"enabled":\([a-z]*\).*"consecutiveFailures":\([0-9]*\).*/  endpoint after the run: enabled=\1, consecutive failures=\2/'
curl -sf "http://127.0.0.1:$SUB/api/webhooks/endpoints/$ENDPOINT/deliveries?limit=200" -H "Authorization: Bearer $TOKEN_SUB" |
  python3 -c 'import json,sys; a=json.load(sys.stdin); ok=sum(1 for x in a if x["statusCode"] and 200<=x["statusCode"]<300); d=sorted(x["durationMs"] for x in a); print("  last %d attempts: %d 2xx, median %d ms" % (len(a), ok, d[len(d)//2] if d else 0))'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
