#!/usr/bin/env bash
# Profiles the load generator's JVM with Java Flight Recorder while it drives the baseline, once
# with --client raw (a bare OkHttp loop) and once with --client sdk (PaygateClient.submit), and
# prints for each: throughput, the client's CPU time per request (user + system of its JVM over
# the recorded window, /proc/PID/stat), and where the client's CPU samples fall (jfr_client.py).
# The client's CPU per request is the figure that matters on a shared machine: the server gets
# what the client leaves.
#
# Usage: benchmarks/sdk-profile.sh [SECONDS=20] [CONCURRENCY=16]
#   -> /tmp/paygate-client-raw.jfr, /tmp/paygate-client-sdk.jfr
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
SECS=${1:-20}
CONC=${2:-16}
WARMUP=10
TICK=$(getconf CLK_TCK)
JFR=$(dirname "$JAVA")/jfr
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
start_baseline 18085
BASE=(--url http://127.0.0.1:18085 --merchants 4 -c "$CONC" --mix authorised=100)
loadgen_json "${BASE[@]}" --client raw -d 20s >/dev/null   # warm the server up
for client in raw sdk; do
  rec=/tmp/paygate-client-$client.jfr
  json=$(mktemp /tmp/loadgen.XXXXXX.json)
  # The recording starts once the warm-up is over (set-up against the baseline takes < 1 s).
  "$JAVA" -XX:StartFlightRecording=filename=$rec,settings=profile,delay=$((WARMUP + 2))s,duration=$((SECS - 2))s \
    -jar "$LOADGEN_JAR" --operator-key "$OPERATOR_KEY" --progress 1h --json "$json" \
    "${BASE[@]}" --client "$client" --warmup ${WARMUP}s -d "${SECS}s" >/dev/null 2>&1 &
  pid=$!
  sleep $((WARMUP + 2))
  c0=$(cpu_ticks "$pid"); s0=$(cpu_ticks "$BASELINE_PID"); t0=$(date +%s%N)
  sleep $((SECS - 4))
  c1=$(cpu_ticks "$pid"); s1=$(cpu_ticks "$BASELINE_PID"); t1=$(date +%s%N)
  wait "$pid"
  rps=$(json_field "$(cat "$json")" throughput)
  awk -v r="$rps" -v c=$((c1 - c0)) -v s=$((s1 - s0)) -v t="$TICK" -v ns=$((t1 - t0)) -v name="$client" \
    'BEGIN {n = r * ns / 1e9; printf "%s: %.0f req/s; client %.1f CPU-us per request, baseline server %.1f\n", name, r, 1e6*c/t/n, 1e6*s/t/n}'
  "$JFR" print --events jdk.ExecutionSample --stack-depth 80 "$rec" >/tmp/paygate-client-$client.txt
  python3 benchmarks/jfr_client.py /tmp/paygate-client-$client.txt
done
