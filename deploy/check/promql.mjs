// Parses every PromQL expression of the dashboard with Prometheus' own Lezer grammar (the one its UI
// uses) after substituting Grafana's variables as Grafana would; any error node fails the check.
import fs from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
const dash = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const exprs = [];
const walk = o => { if (Array.isArray(o)) o.forEach(walk); else if (o && typeof o === 'object') { if (typeof o.expr === 'string') exprs.push(o.expr); Object.values(o).forEach(walk); } };
walk(dash);
let bad = 0;
for (const e of exprs) {
  const q = e.replaceAll('$__rate_interval', '1m').replaceAll('$__range', '6h').replaceAll('$job', '.*').replaceAll('$instance', '.*');
  const tree = parser.parse(q);
  let err = null;
  tree.iterate({ enter: n => { if (n.type.isError && !err) err = n.from; } });
  if (err !== null) { bad++; console.log('ERROR at', err, ':', q); }
}
// and a deliberately broken one, to show errors are caught
const t = parser.parse('sum(rate(x[1m])'); let caught = false; t.iterate({ enter: n => { if (n.type.isError) caught = true; } });
console.log(`${exprs.length} expressions, ${bad} with syntax errors; broken sample caught: ${caught}`);
process.exit(bad || !caught ? 1 : 0);
