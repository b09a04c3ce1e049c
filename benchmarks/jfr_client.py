"""Where a client JVM's CPU samples fall (jfr print --events jdk.ExecutionSample), for the load
generator: how much of the time is spent under each marker (inclusive: any frame of the stack),
which Paygate method is the innermost on the stack (what our code called last), and the leaves.

Usage: python3 jfr_client.py SAMPLES.txt
"""
import collections, re, sys

# Inclusive markers: a sample counts for every marker that any of its frames contains.
MARKERS = [
    ('UUID.randomUUID (SecureRandom)', 'java.util.UUID.randomUUID'),
    ('SDK submit, all of it', 'io.paygate.sdk.PaygateClient.submit'),
    ('SDK: write the request JSON', 'io.paygate.sdk.WireJson.paymentRequest'),
    ('SDK: read the answer into a Payment', 'io.paygate.sdk.ResponseReader.payment'),
    ('SDK: Instant parsing', 'java.time.Instant.parse'),
    ('SDK: Money.of', 'io.paygate.sdk.Money.of'),
    ('SDK: token check', 'io.paygate.sdk.TokenManager.accessToken'),
    ('SDK: bearer interceptor (own frames)', 'io.paygate.sdk.BearerInterceptor.intercept'),
    ('SDK: listener interceptor', 'io.paygate.sdk.ListenerInterceptor'),
    ('SDK: redaction', 'io.paygate.sdk.internal.Redactor'),
    ('SDK: HttpUrl.resolve', 'okhttp3.HttpUrl.resolve'),
    ('SDK: Sender.send (request building)', 'io.paygate.sdk.Sender.send'),
    ('OkHttp call timeout (AsyncTimeout)', 'okio.AsyncTimeout'),
    ('OkHttp RealCall.execute', 'okhttp3.internal.connection.RealCall.execute'),
    ('socket write', 'java.net.Socket$SocketOutputStream.write'),
    ('socket read', 'java.net.Socket$SocketInputStream.read'),
    ('loadgen bookkeeping (Results.record)', 'io.paygate.loadgen.Results.record'),
    ('loadgen card numbers', 'io.paygate.loadgen.Cards'),
    ('JIT/other threads (no Java frame of ours)', None),
]

txt = open(sys.argv[1]).read()
total = 0
inclusive = collections.Counter()
innermost = collections.Counter()
leaf = collections.Counter()
for e in txt.split('jdk.ExecutionSample')[1:]:
    if 'stackTrace = [' not in e:
        continue
    frames = [l.strip() for l in e.split('stackTrace = [')[1].split('\n]')[0].split('\n')
              if l.strip() and not l.strip().startswith('...')]
    total += 1
    s = '\n'.join(frames)
    ours = False
    for name, pat in MARKERS:
        if pat and pat in s:
            inclusive[name] += 1
    for f in frames:
        if f.startswith('io.paygate.'):
            innermost[re.sub(r'\(.*', '', f)] += 1
            ours = True
            break
    if not ours:
        inclusive['JIT/other threads (no Java frame of ours)'] += 1
    if frames:
        leaf[re.sub(r'\(.*', '', frames[0])] += 1

print('samples', total)
print('--- inclusive (a sample counts for every marker on its stack)')
for name, _ in MARKERS:
    if inclusive[name]:
        print(f"{inclusive[name]:6d} {100 * inclusive[name] / total:5.1f}% {name}")
print('--- innermost Paygate frame (self time of our code and what it called outside it)')
for k, v in innermost.most_common(15):
    print(f"{v:6d} {100 * v / total:5.1f}% {k}")
print('--- top leaf frames')
for k, v in leaf.most_common(15):
    print(f"{v:6d} {100 * v / total:5.1f}% {k}")
