#!/usr/bin/env bash
# Builds a real development image for workspaces offline, from Debian packages only
# (debootstrap; no registry needed): bash, git, curl, build-essential, a non-root user "dev".
#   sudo scripts/build-workspace-image.sh [image-name]   # default vaporform/workspace:bookworm
# Where a registry is reachable you can instead set VAPORFORM_CONTAINERS_DEFAULT_IMAGE to any
# image you have pulled (docker pull shows its progress).
set -euo pipefail
IMAGE="${1:-vaporform/workspace:bookworm}"
SUITE="${SUITE:-bookworm}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
command -v debootstrap >/dev/null || { echo "Needs debootstrap: apt-get install debootstrap" >&2; exit 1; }
ROOT="$(mktemp -d)"
trap 'rm -rf "$ROOT"' EXIT
debootstrap --variant=minbase --include=bash,git,curl,ca-certificates,build-essential,less,procps,nano,openssh-client,python3 \
  "$SUITE" "$ROOT" "$MIRROR"
chroot "$ROOT" useradd --create-home --uid 1000 --shell /bin/bash dev
mkdir -p "$ROOT/workspace" && chown 1000:1000 "$ROOT/workspace"
rm -rf "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/*
tar -C "$ROOT" -c . | docker import -c 'CMD ["/bin/bash"]' -c 'USER dev' -c 'WORKDIR /workspace' \
  -c 'ENV HOME=/home/dev LANG=C.UTF-8' - "$IMAGE" >/dev/null
echo "$IMAGE"
