#!/usr/bin/env bash
# Offline checks of deploy/: what can be checked without a cluster, a registry or the images.
#   deploy/check/check.sh
# Needs python3 (with PyYAML), jq, node + npm (the npm registry, for kubernetes-models, yaml,
# typescript and Prometheus' PromQL grammar, installed into a temporary directory); uses kubectl
# (kustomize only, no cluster), haproxy and docker compose / docker-compose when they are installed
# and says so when they are not. It does not build the image or start anything.
set -euo pipefail
DEPLOY="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(dirname "$DEPLOY")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
skipped=()
step() { printf '\n== %s\n' "$*"; }

step "YAML syntax (PyYAML)"
python3 - "$DEPLOY" <<'PY'
import sys, yaml, pathlib
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):
    list(yaml.safe_load_all(p.read_text())); n += 1; print('ok', p.relative_to(sys.argv[1]))
print(n, 'files')
PY

step "Dashboard JSON"
jq -e '.panels | length > 0' "$DEPLOY/grafana/vaporform-dashboard.json" >/dev/null && echo "ok (parses; $(jq '[.panels[] | select(.type != "row")] | length' "$DEPLOY/grafana/vaporform-dashboard.json") panels)"

step "Signing key generator"
key="$("$DEPLOY/generate-jwt-key.sh")"
jq -e '.kty == "EC" and .crv == "P-256" and (.d | length) == 43 and (.x | length) == 43 and (.y | length) == 43' <<<"$key" >/dev/null && echo ok

step "npm tools"
(cd "$WORK" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  kubernetes-models@5.1.0 yaml@2 typescript@5 @prometheus-io/lezer-promql@0.315.0 >/dev/null) && echo ok
cp "$DEPLOY/check/"*.mjs "$WORK/"

step "PromQL of the dashboard (Prometheus' Lezer grammar)"
(cd "$WORK" && node promql.mjs "$DEPLOY/grafana/vaporform-dashboard.json")

step "Kubernetes manifests"
if command -v kubectl >/dev/null; then
  kubectl kustomize "$DEPLOY/kubernetes" > "$WORK/manifests.yaml"
  echo "kustomize build ok ($(grep -c '^kind:' "$WORK/manifests.yaml") objects)"
else
  skipped+=("kubectl kustomize (kubectl not installed): checking the files one by one")
  for f in "$DEPLOY"/kubernetes/*.yaml; do [[ "$f" == */kustomization.yaml ]] || { cat "$f"; echo '---'; }; done > "$WORK/manifests.yaml"
fi
echo '{"compilerOptions":{"strict":true,"noEmit":true,"module":"nodenext","moduleResolution":"nodenext","skipLibCheck":true,"target":"es2022"},"files":["manifests.ts"]}' > "$WORK/tsconfig.json"
(cd "$WORK" && node k8s-models.mjs manifests.yaml manifests.ts && npx tsc -p . && echo "field names and types ok")

step "HAProxy configuration"
if command -v haproxy >/dev/null; then
  haproxy -c -f "$DEPLOY/haproxy/haproxy.cfg"   # warns that node1/node2 do not resolve here: expected
else
  skipped+=("haproxy -c (haproxy not installed)")
fi

step "Compose file"
if docker compose version >/dev/null 2>&1; then compose=(docker compose)
elif command -v docker-compose >/dev/null; then compose=(docker-compose)
else compose=(); fi
if ((${#compose[@]})); then
  printf 'POSTGRES_PASSWORD=x\nREDIS_PASSWORD=x\nVAPORFORM_AUTH_JWT_SIGNING_KEY=x\n' > "$WORK/env"
  file="$DEPLOY/compose.yaml"
  if [[ "${compose[0]}" == docker-compose ]]; then
    # Compose v1 knows no top-level "name:" (the Compose Specification's; v2 reads it).
    grep -v '^name: ' "$file" > "$DEPLOY/.compose-v1-check.yaml"; file="$DEPLOY/.compose-v1-check.yaml"
  fi
  made_target=0; [[ -d "$ROOT/server/target" ]] || { mkdir -p "$ROOT/server/target"; made_target=1; }
  { "${compose[@]}" -f "$file" --env-file "$WORK/env" config -q \
      && "${compose[@]}" -f "$file" -f "$DEPLOY/check/compose.ports.yaml" --env-file "$WORK/env" config -q \
      && echo "ok (${compose[*]}; also with check/compose.ports.yaml)"; } || status=$?
  [[ "$file" == */.compose-v1-check.yaml ]] && rm -f "$file"
  ((made_target)) && rmdir "$ROOT/server/target"
  [[ -z "${status:-}" ]] || exit "$status"
else
  skipped+=("compose config (neither docker compose nor docker-compose installed)")
fi

printf '\nAll checks passed.'
((${#skipped[@]})) && printf ' Skipped: %s.' "${skipped[@]}"
echo
