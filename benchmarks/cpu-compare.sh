#!/usr/bin/env bash
# Two gateway builds side by side (idle while the other is measured, in alternating order), by the
# figure that other processes on the machine move least: the CPU time the gateway process used
# (user + system, /proc/PID/stat) per payment answered during a closed-loop wrk run. Throughput is
# printed too; on a shared machine only the CPU per payment and the ratio of interleaved runs mean
# much.
#
# Usage: benchmarks/cpu-compare.sh BEFORE_JAR AFTER_JAR [RUNS=4] [SECONDS=10] [CONNECTIONS=32]
# Env:   WARMUP (default 40 s of load on each first), JAVA, GATEWAY_JVM_OPTS, BANK (lib.sh);
#        BEFORE_ENV / AFTER_ENV: settings for one of the two only, e.g. the same jar twice with
#        AFTER_ENV="PAYGATE_HTTP_THREADS=platform".
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
BEFORE_JAR=$(realpath "$1")
AFTER_JAR=$(realpath "$2")
RUNS=${3:-4}
SECS=${4:-10}
CONNS=${5:-32}
WARMUP=${WARMUP:-40}
need_wrk
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
DATA=$(mktemp -d /tmp/paygate-cpu-compare.XXXXXX)
declare -A PID TOKEN URL
# shellcheck disable=SC2086 # each is a list of NAME=value words
GATEWAY_JAR=$BEFORE_JAR start_gateway 18380 "$DATA/before" ${BEFORE_ENV:-}; PID[before]=$GATEWAY_PID
# shellcheck disable=SC2086
GATEWAY_JAR=$AFTER_JAR start_gateway 18382 "$DATA/after" ${AFTER_ENV:-}; PID[after]=$GATEWAY_PID
URL[before]=http://127.0.0.1:18380/api/process; TOKEN[before]=$(merchant_token 18380)
URL[after]=http://127.0.0.1:18382/api/process; TOKEN[after]=$(merchant_token 18382)
echo "warming up each for $WARMUP s ..."
for k in before after; do wrk_rate "${URL[$k]}" "$WARMUP" "$CONNS" "${TOKEN[$k]}" >/dev/null; done

# measure KIND: appends "cpu_us_per_payment rps" to $DATA/KIND.cpu and prints them.
measure() {
  local k=$1 c0 c1 out n
  c0=$(cpu_ticks "${PID[$k]}")
  out=$(TOKEN=${TOKEN[$k]} wrk -t2 -c"$CONNS" -d"$SECS"s -s benchmarks/payment.lua "${URL[$k]}")
  c1=$(cpu_ticks "${PID[$k]}")
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v n="$n" -v c=$((c1 - c0)) -v t="$TICK" -v s="$SECS" \
    'BEGIN {printf "%.0f %.1f\n", 1e6 * c / t / n, n / s}' | tee -a "$DATA/$k.cpu"
}
for i in $(seq 1 "$RUNS"); do
  order="before after"
  [ $((i % 2)) = 0 ] && order="after before"
  line="run $i:"
  for k in $order; do
    read -r us rps < <(measure "$k")
    line="$line  $k $us CPU-us/payment ($rps/s)"
  done
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
done
for k in before after; do
  echo "$k: median $(cut -d' ' -f1 "$DATA/$k.cpu" | median) CPU-us per payment," \
    "$(cut -d' ' -f2 "$DATA/$k.cpu" | median) payments/s"
done
paste -d' ' <(cut -d' ' -f1 "$DATA/after.cpu") <(cut -d' ' -f1 "$DATA/before.cpu") \
  | awk '{printf "%.3f\n", $1 / $2}' >"$DATA/ratio"
echo "after / before CPU per payment, per run: $(tr '\n' ' ' <"$DATA/ratio")-> median $(median <"$DATA/ratio")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
