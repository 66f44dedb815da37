#!/usr/bin/env bash
# Makes the Dockerfile's base image, debian:bookworm-slim, for podman on a
# machine that reaches Debian's package mirror but no container registry:
# debootstrap a minimal bookworm from the mirror and import it under the name
# the Dockerfile pulls. As root; needs debootstrap and podman (Debian packages).
set -euo pipefail
image=docker.io/library/debian:bookworm-slim
if podman image exists "$image"; then exit 0; fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase bookworm "$root"
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | podman import --change 'CMD ["bash"]' - "$image"
