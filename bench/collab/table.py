#!/usr/bin/env python3
"""Turns bench/out/collab-results.txt (lines 'SETUP SCENARIO key=value ...' from run.sh) into the
Markdown table of bench/RESULTS.md, with Vaporform's ops/s as a multiple of each peer's."""
import sys

NAMES = {
    'a': '(a) 50 clients × 1 document, closed loop',
    'b': '(b) 1,000 documents × 5 clients, closed loop',
    'bp': '(b) 1,000 documents × 5 clients, paced',
    'd': '(d) authors × 1 document, paced',
    'c': '(c) 2,000 documents × 5 clients = 10,000 connections, paced',
}
SETUPS = {'vaporform': 'Vaporform', 'sharedb-postgres': 'ShareDB 7 + sharedb-postgres',
          'sharedb-memory': 'ShareDB 7 (in memory)'}

rows, order = {}, []
for raw in open(sys.argv[1], encoding='utf-8'):
    parts = raw.split()
    if len(parts) < 3 or parts[0] not in SETUPS or parts[1] == 'load':
        continue
    setup, scenario = parts[0], parts[1]
    fields = dict(p.split('=', 1) for p in parts[2:] if '=' in p)
    rows[(scenario, setup)] = fields
    if scenario not in order:
        order.append(scenario)


def num(fields, key):
    try:
        return float(fields[key])
    except (KeyError, ValueError):
        return None


print('| scenario | server | offered ops/s | acked ops/s | × ShareDB+PG | × ShareDB mem | ack p50 | ack p99 '
      '| broadcast p50 | broadcast p99 | connect+subscribe | CPU cores: server / PostgreSQL / load gen |')
print('|---|---|---|---|---|---|---|---|---|---|---|---|')
for scenario in order:
    first = True
    for setup in SETUPS:
        f = rows.get((scenario, setup))
        if f is None:
            continue
        base = 'bp' if scenario.startswith('bp') else 'd' if scenario.startswith('d') else scenario
        name = NAMES.get(base, scenario)
        if base == 'd' and 'clients' in f:
            name = f'(d) {int(f["clients"]):,} authors × 1 document, paced'
        if base in ('bp', 'd', 'c') and f.get('offered_ops_per_s', '-') != '-':
            per = float(f['offered_ops_per_s']) / int(f['clients'])
            name += f' {per:g} ops/s each'
        ratios = []
        for peer in ('sharedb-postgres', 'sharedb-memory'):
            p = rows.get((scenario, peer))
            ours = num(f, 'ops_per_s')
            theirs = num(p, 'ops_per_s') if p else None
            ratios.append(f'{ours / theirs:.2f}×' if setup == 'vaporform' and ours and theirs else '')
        ms = lambda k: f'{num(f, k):,.1f} ms' if num(f, k) is not None else ''
        connect = f'{int(f["connect_ms"]) / 1000:.1f} s' if 'connect_ms' in f else ''
        print(f'| {name if first else ""} | {SETUPS[setup]} | {f.get("offered_ops_per_s", "-")} '
              f'| {num(f, "ops_per_s") or 0:,.0f} | {ratios[0]} | {ratios[1]} | {ms("ack_p50_ms")} | {ms("ack_p99_ms")} '
              f'| {ms("bcast_p50_ms")} | {ms("bcast_p99_ms")} | {connect} '
              f'| {f.get("cpu_server", "")} / {f.get("cpu_postgres", "")} / {f.get("cpu_load", "")} |')
        first = False
for (scenario, setup), f in rows.items():
    extra = {k: v for k, v in f.items() if k.startswith('server_') or k.startswith('heap')}
    if f.get('closed_by_server', '0') != '0':
        extra['closed_by_server'] = f['closed_by_server']
    if extra:
        print(f'\n{SETUPS.get(setup, setup)} ({scenario}): ' + ' '.join(f'{k}={v}' for k, v in extra.items()))
    if f.get('errors', '0') != '0':
        print(f'\n{SETUPS.get(setup, setup)} ({scenario}): {f["errors"]} error frames or socket errors')
