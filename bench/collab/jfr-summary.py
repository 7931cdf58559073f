#!/usr/bin/env python3
"""Where a Flight Recording's CPU went: execution samples by top frame (self), by method on the stack
(inclusive), by package of the top frame and by thread; lock contention (monitor enters, parks and
waits away from idle pools) by site; GC pauses and allocation by top frame.

  python3 bench/collab/jfr-summary.py bench/out/collab-server.jfr [TOP]
"""
import collections
import json
import os
import subprocess
import sys

JFR = os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'jfr')


def events(path, *types):
    out = subprocess.run([JFR, 'print', '--json', '--stack-depth', '64', '--events', ','.join(types), path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)['recording']['events']


def frames(event):
    trace = event['values'].get('stackTrace') or {}
    result = []
    for f in trace.get('frames') or []:
        m = f['method']
        result.append(f"{m['type']['name'].replace('/', '.')}.{m['name']}")
    return result


def package(method):
    parts = method.rsplit('.', 2)[0].split('.')
    return '.'.join(parts[:4]) if parts[0] in ('dev', 'org', 'com', 'io', 'tools') else '.'.join(parts[:2])


KINDS = [  # (prefix of a frame, component); the first frame from the top with a listed prefix decides
    ('sun.security.', 'crypto: JWT signature check (ES256) of the handshake'),
    ('com.nimbusds.', 'crypto: JWT signature check (ES256) of the handshake'),
    ('tools.jackson.', 'JSON (Jackson 3)'), ('com.fasterxml.jackson.', 'JSON (Jackson)'),
    ('org.postgresql.', 'JDBC driver'), ('com.zaxxer.hikari.', 'JDBC pool'),
    ('dev.vaporform.ot.', 'OT (text-unicode)'),
    ('org.apache.tomcat.websocket.', 'Tomcat WebSocket frames'), ('jakarta.websocket', 'Tomcat WebSocket frames'),
    ('org.springframework.web.socket.', 'Spring WebSocket adapter'),
    ('org.apache.coyote.', 'Tomcat HTTP/NIO'), ('org.apache.tomcat.util.net.', 'Tomcat HTTP/NIO'),
    ('org.apache.catalina.', 'Tomcat HTTP/NIO'),
    ('io.opentelemetry.', 'tracing/metrics'), ('io.micrometer.', 'tracing/metrics'),
    ('net.ttddyy.', 'tracing/metrics (datasource-proxy)'),
    ('org.springframework.security.', 'Spring Security filters'),
    ('ch.qos.logback.', 'logging'), ('org.slf4j.', 'logging'),
    ('org.apache.lucene.', 'files: search index (Lucene)'),
    ('com.github.dockerjava.', 'containers (docker-java)'), ('dev.vaporform.containers.', 'containers (docker-java)'),
    ('dev.vaporform.files.', 'files module'), ('dev.vaporform.auth.', 'auth module'),
    ('dev.vaporform.platform.', 'platform (filters, security)'),
    ('dev.vaporform.collab.', 'collab module (own code)'),
    ('org.springframework.', 'Spring (other)'),
]


def kind(stack):
    for m in stack:
        for prefix, name in KINDS:
            if m.startswith(prefix):
                return name
    return 'JDK/JVM only (' + package(stack[0]) + ')'


def nanos(value):
    # jfr prints durations as ISO-8601-ish strings ("PT0.001S") or numbers depending on the field
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and value.startswith('PT') and value.endswith('S'):
        return float(value[2:-1]) * 1e9
    return 0.0


def table(title, counter, total, top, unit='samples'):
    print(f'\n## {title}')
    for key, n in counter.most_common(top):
        share = f'{100.0 * n / total:5.1f}%' if total else ''
        amount = {'samples': f'{n:8.0f}', 'ms': f'{n / 1e6:10.1f} ms', 'MB': f'{n / 2**20:10.1f} MB'}[unit]
        print(f'{share} {amount}  {key}')


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    # JDK 25's CPU-time sampler (jdk.CPUTimeSample, Linux) counts every thread by the CPU it burns,
    # virtual threads' carriers included; the classic execution sampler is the fallback.
    samples = events(path, 'jdk.CPUTimeSample', 'jdk.ExecutionSample', 'jdk.NativeMethodSample')
    sampler = 'jdk.CPUTimeSample' if any(e['type'] == 'jdk.CPUTimeSample' for e in samples) else 'jdk.ExecutionSample'
    java = [e for e in samples if e['type'] == sampler]
    self_, inclusive, packages, threads, ours, kinds = (collections.Counter() for _ in range(6))
    for e in java:
        stack = frames(e)
        if not stack:
            continue
        self_[stack[0]] += 1
        packages[package(stack[0])] += 1
        for m in set(stack):
            inclusive[m] += 1
        thread = (e['values'].get('sampledThread') or e['values'].get('eventThread') or {}).get('javaName') or '(virtual, unnamed)'
        threads[thread.rstrip('0123456789-#')] += 1
        first_ours = next((m for m in stack if m.startswith('dev.vaporform.') and '$$Lambda' not in m), None)
        ours[first_ours or '(no dev.vaporform frame)'] += 1
        kinds[kind(stack)] += 1
    n = len(java)
    print(f'{path}: {n} samples of {sampler}')
    table('What the CPU did (first frame from the top that belongs to a known component)', kinds, n, 20)
    table('Hot methods (self: top frame)', self_, n, top)
    table('Packages of the top frame', packages, n, top)
    table('Methods on the stack (inclusive)', inclusive, n, top * 2)
    table('Nearest dev.vaporform frame of each sample', ours, n, top * 2)
    table('Threads (numbers stripped)', threads, n, top)

    locks = collections.Counter()
    idle = ('ThreadPoolExecutor.getTask', 'ForkJoinPool.awaitWork', 'ForkJoinPool.runWorker', 'DelayedWorkQueue.take',
            'LinkedBlockingQueue.take', 'LinkedBlockingQueue.poll', 'SynchronousQueue', 'Selector', 'EPoll',
            'ArrayBlockingQueue.poll', 'DelayScheduler.loop', 'ProjectWatchers.poll')
    for e in events(path, 'jdk.JavaMonitorEnter', 'jdk.JavaMonitorWait', 'jdk.ThreadPark'):
        stack = frames(e)
        if e['type'] != 'jdk.JavaMonitorEnter' and any(i in m for m in stack for i in idle):
            continue
        site = next((m for m in stack if not m.startswith(('java.', 'jdk.', 'sun.'))), stack[0] if stack else '?')
        if e['type'] == 'jdk.ThreadPark':  # name the blocking call too (lock, future, queue)
            site = next((m for m in stack if m.startswith('java.util.concurrent') and 'Unsafe' not in m
                         and 'LockSupport' not in m and 'AbstractQueuedSynchronizer' not in m), '') + ' <- ' + site
        cls = (e['values'].get('monitorClass') or e['values'].get('parkedClass') or {}) or {}
        name = cls.get('name', '') if isinstance(cls, dict) else ''
        locks[f"{e['type'].split('.')[-1]} {name} at {site}"] += nanos(e['values'].get('duration'))
    table('Blocking (JavaMonitorEnter/Wait, ThreadPark over 10/20 ms, idle pool waits left out): time by site', locks,
          sum(locks.values()), top, unit='ms')

    gcs = events(path, 'jdk.GarbageCollection')
    pause = sum(nanos(e['values'].get('sumOfPauses')) for e in gcs)
    print(f'\n## GC: {len(gcs)} collections, {pause / 1e6:.0f} ms of pauses in total')

    alloc = collections.Counter()
    for e in events(path, 'jdk.ObjectAllocationSample'):
        stack = frames(e)
        site = next((m for m in stack if m.startswith('dev.vaporform.')), stack[0] if stack else '?')
        alloc[site] += e['values'].get('weight', 0)
    table('Allocation (sampled weight) by nearest dev.vaporform frame', alloc, sum(alloc.values()), top, unit='MB')


if __name__ == '__main__':
    main()
