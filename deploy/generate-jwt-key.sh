#!/usr/bin/env bash
# Prints a new private EC P-256 JWK (ES256) for VAPORFORM_AUTH_JWT_SIGNING_KEY, on one line.
# Every node of an installation must get the same one. Needs only openssl and coreutils.
#   deploy/generate-jwt-key.sh                      # print it
#   echo "VAPORFORM_AUTH_JWT_SIGNING_KEY=$(deploy/generate-jwt-key.sh)" >> deploy/.env
set -euo pipefail
der="$(mktemp)"
trap 'rm -f "$der"' EXIT
# SEC1 DER of a P-256 key with its public point: 121 bytes, d at offset 7 (32 bytes),
# the uncompressed point 04||x||y at offset 56 (x at 57, y at 89, 32 bytes each).
openssl ecparam -name prime256v1 -genkey -noout -outform DER > "$der" 2>/dev/null \
  || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -outform PEM | openssl ec -outform DER -out "$der" 2>/dev/null
size=$(wc -c < "$der")
[[ "$size" -eq 121 ]] || { echo "unexpected key encoding ($size bytes)" >&2; exit 1; }
b64url() { base64 | tr -d '\n=' | tr '+/' '-_'; }
part() { tail -c +"$(( $1 + 1 ))" "$der" | head -c 32 | b64url; }
kid="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"%s","x":"%s","y":"%s","d":"%s"}\n' \
  "$kid" "$(part 57)" "$(part 89)" "$(part 7)"
