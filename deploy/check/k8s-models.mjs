// Checks Kubernetes manifests (a multi-document YAML, e.g. the output of `kubectl kustomize`) against
// the Kubernetes API types of the npm package kubernetes-models, two ways:
//  1. its JSON-schema validation (required fields, types, formats);
//  2. TypeScript's excess-property check: each object is written as a literal typed with its model
//     interface into <out.ts>, and `tsc --noEmit` then flags every unknown or misplaced field.
// Usage: node k8s-models.mjs manifests.yaml out.ts   (then: npx tsc -p <dir of out.ts> --noEmit)
import fs from 'node:fs';
import YAML from 'yaml';
const docs = YAML.parseAllDocuments(fs.readFileSync(process.argv[2], 'utf8')).map(d => d.toJS()).filter(Boolean);
const modulePath = o => {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : [null, o.apiVersion];
  return `kubernetes-models/${group ? group + '/' : ''}${version}/${o.kind}`;
};
let failed = 0, ts = '';
for (const [i, obj] of docs.entries()) {
  const path = modulePath(obj);
  const Model = (await import(path))[obj.kind];
  try { new Model(obj).validate(); console.log('schema ok ', obj.apiVersion, obj.kind, obj.metadata?.name); }
  catch (e) { failed++; console.log('schema FAIL', obj.apiVersion, obj.kind, obj.metadata?.name, e.message); }
  ts += `import type { I${obj.kind} as T${i} } from '${path}';\nexport const m${i}: T${i} = ${JSON.stringify(obj, null, 1)};\n`;
}
fs.writeFileSync(process.argv[3], ts);
process.exit(failed ? 1 : 0);
