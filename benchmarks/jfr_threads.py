"""Sorts JFR execution samples (jfr print --events jdk.ExecutionSample) by the gateway's threads.

Thread names are grouped without their numbers (webhook-delivery-3 -> webhook-delivery-). For the
webhook threads, the paygate method each sample was in (the innermost io.paygate frame) follows.
"""
import re, collections, sys
txt = open(sys.argv[1]).read()
threads = collections.Counter(); hooks = collections.Counter(); total = 0
for e in txt.split('jdk.ExecutionSample')[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', e)
    if not m:
        continue
    total += 1
    name = re.sub(r'\d+$', '', m.group(1))
    threads[name] += 1
    if name.startswith('webhook'):
        frames = re.findall(r'^\s+([\w$.<>]+)\(', e, re.M)
        own = next((f for f in frames if f.startswith('io.paygate')), 'other')
        hooks[name + ' ' + own] += 1
print('samples', total)
for k, v in threads.most_common(12):
    print(f"{v:6d} {100 * v / total:5.1f}% {k}")
print('--- webhook threads, by innermost paygate method')
for k, v in hooks.most_common(12):
    print(f"{v:6d} {100 * v / total:5.1f}% {k}")
