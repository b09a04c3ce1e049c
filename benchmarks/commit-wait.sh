#!/usr/bin/env bash
# What a payment waits for at a fixed rate, from the gateway's own /metrics: the group commits it
# joins (how many a second, how many writes each carried, how long each took: p50, p99 and mean
# from the histogram's buckets), the bank's time, and the whole payment, beside the load
# generator's gateway-added latency of the same run. The metrics are read before and after the
# measured run and only the difference counts, so the warm-up does not.
#
# Usage: benchmarks/commit-wait.sh RATE [SECONDS=20] [CONCURRENCY=64]
# Env:   WARMUP (default 40 s of closed-loop load first), BANK, GATEWAY_JAR, GATEWAY_JVM_OPTS (lib.sh)
# Needs the jars: mvn -B -o -pl gateway-server,benchmarks,loadgen -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/lib.sh
RATE=${1:?give the rate, e.g. a quarter of the peak from summary.sh}
SECS=${2:-20}
CONC=${3:-64}
P=${PORT:-18380}
DATA=$(mktemp -d /tmp/paygate-commit-wait.XXXXXX)
start_gateway "$P" "$DATA/gw"
scrape() {
  curl -sf "http://127.0.0.1:$P/metrics" -H "Authorization: Bearer $OPERATOR_KEY" >"$1"
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
loadgen_json --url "http://127.0.0.1:$P" --merchants 4 -c 32 --mix authorised=100 \
  -d "${WARMUP:-40}s" >/dev/null
scrape "$DATA/before.txt"
j=$(loadgen_json --url "http://127.0.0.1:$P" --merchants 4 -c "$CONC" --rate "$RATE" \
  --mix authorised=100 -d "${SECS}s")
scrape "$DATA/after.txt"
echo "at $RATE/s asked: $(json_field "$j" throughput) payments/s, errors $(json_field "$j" errors)," \
  "gateway-added p50 $(json_field "$j" gatewayAddedMs.p50) ms, p99 $(json_field "$j" gatewayAddedMs.p99) ms" \
  "(load $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$DATA/before.txt" "$DATA/after.txt" "$SECS" <<'EOF'
import re, sys
def read(path):
    m = {}
    for line in open(path):
        if line.startswith('#'):
            continue
        k, _, v = line.rstrip().rpartition(' ')
        m[k] = float(v)
    return m
a, b, secs = read(sys.argv[1]), read(sys.argv[2]), float(sys.argv[3])
d = lambda k: b.get(k, 0) - a.get(k, 0)
def quantile(name, q):
    buckets = sorted((float(re.search(r'le="([^"]+)"', k).group(1)), d(k))
                     for k in b if k.startswith(name + '_bucket{') and 'Inf' not in k)
    n = d(name + '_count')
    for le, c in buckets:
        if c >= q * n:
            return le * 1000
    return float('nan')
commits = d('paygate_db_group_commit_duration_seconds_count')
writes = d('paygate_db_group_commit_size_writes_sum')
busy = d('paygate_db_group_commit_duration_seconds_sum')
print(f"group commits: {commits / secs:.0f}/s, {writes / max(commits, 1):.1f} writes each,"
      f" p50 {quantile('paygate_db_group_commit_duration_seconds', 0.5):.2f} ms,"
      f" p99 {quantile('paygate_db_group_commit_duration_seconds', 0.99):.2f} ms,"
      f" mean {1000 * busy / max(commits, 1):.2f} ms; the writer thread busy {100 * busy / secs:.0f}% of the time")
for name in ('paygate_acquirer_duration_seconds', 'paygate_payment_duration_seconds'):
    n = sum(v - a.get(k, 0) for k, v in b.items() if k.startswith(name + '_count'))
    s = sum(v - a.get(k, 0) for k, v in b.items() if k.startswith(name + '_sum'))
    print(f"{name}: {n / secs:.0f}/s, mean {1000 * s / max(n, 1):.2f} ms")
EOF
