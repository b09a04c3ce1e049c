"""Sorts JFR execution samples (jfr print --events jdk.ExecutionSample) into the gateway's parts.

A sample counts for the first part (in the order below) that any frame of its stack belongs to, so
"h2" is all time spent inside the database, whoever called it.
"""
import re,collections,sys
txt=open(sys.argv[1]).read()
events=txt.split('jdk.ExecutionSample')
cats=collections.Counter(); first=collections.Counter(); leaf=collections.Counter(); total=0
# Metrics first: a query a gauge makes, or a timer inside the pool, is what metrics cost.
order=[('metrics','io.micrometer'),('metrics','io.prometheus'),('metrics','io.paygate.gateway.metrics'),('h2','org.h2'),('bcrypt','BCrypt'),('piggy simulator','piggy.simulator'),('piggy plug-in','io.paygate.piggy'),('audit','Audit'),('jwt','TokenService'),('merchant lookup','MerchantRepository'),('json out','JsonWritableWriter'),('json in','JsonBodyReader'),('validation','validation'),('okhttp','okhttp3'),('jersey','org.glassfish'),('jetty','org.eclipse.jetty')]
for e in events[1:]:
    if 'stackTrace = [' not in e: continue
    frames=[l.strip() for l in e.split('stackTrace = [')[1].split('\n]')[0].split('\n') if l.strip() and not l.strip().startswith('...')]
    total+=1
    s='\n'.join(frames)
    c='other'
    for name,pat in order:
        if pat in s: c=name; break
    cats[c]+=1
    if frames: leaf[re.sub(r'line:.*','',frames[0])]+=1
print('samples',total)
for k,v in cats.most_common(): print(f"{v:6d} {100*v/total:5.1f}% {k}")
print('--- top leaf frames')
for k,v in leaf.most_common(12): print(f"{v:6d} {k}")
