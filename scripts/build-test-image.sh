#!/usr/bin/env bash
# Builds vaporform/workspace-test:latest, the small image the test suite runs workspaces from,
# without any registry: a busybox root filesystem (Debian's busybox-static) imported into Docker.
# It has a non-root user "dev" (uid 1000), /workspace, and tools the tests use (sh, nc, id, …).
set -euo pipefail
IMAGE="${1:-vaporform/workspace-test:latest}"
BUSYBOX="$(command -v busybox || echo /bin/busybox)"
if [[ ! -x "$BUSYBOX" || "$(ldd "$BUSYBOX" 2>&1 || true)" != *"not a dynamic"* ]]; then
  echo "Needs a static busybox: apt-get install busybox-static" >&2; exit 1
fi
ROOT="$(mktemp -d)"
trap 'rm -rf "$ROOT"' EXIT
mkdir -p "$ROOT"/{bin,etc,tmp,workspace,home/dev,root,proc,sys,dev,var/tmp}
cp "$BUSYBOX" "$ROOT/bin/busybox"
chroot "$ROOT" /bin/busybox --install -s /bin
printf 'root:x:0:0:root:/root:/bin/sh\ndev:x:1000:1000:dev:/home/dev:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\ndev:x:1000:\nnogroup:x:65534:\n' > "$ROOT/etc/group"
chmod 1777 "$ROOT/tmp" "$ROOT/var/tmp"
chown 1000:1000 "$ROOT/home/dev"
tar -C "$ROOT" -c . | docker import -c 'CMD ["/bin/sh"]' -c 'USER dev' -c 'WORKDIR /workspace' -c 'ENV HOME=/home/dev' - "$IMAGE" >/dev/null
echo "$IMAGE"
