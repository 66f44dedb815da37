#!/usr/bin/env bash
# Installs what kestra-lint needs to build and test, on Debian bookworm, as root.
# Cheap when everything is present: it only asks dpkg.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and its runtimes build the sanitizer suite and the fuzz targets.
packages=(g++ make cmake pkg-config libyaml-cpp-dev libcli11-dev nlohmann-json3-dev
          libgtest-dev libgmock-dev clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
}

if [ "${#missing[@]}" -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# valijson is header-only, but its Debian package depends on Qt, Poco and ~90
# other packages; unpack only its headers into third_party/ (git-ignored).
vendor=third_party/valijson
if [ ! -f "$vendor/include/valijson/validator.hpp" ]; then
  echo "deps: unpacking valijson headers into $vendor"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  if ! (cd "$tmp" && apt-get download libvalijson-dev >/dev/null 2>&1); then
    apt_update_once
    (cd "$tmp" && apt-get download libvalijson-dev >/dev/null)
  fi
  dpkg -x "$tmp"/libvalijson-dev_*.deb "$tmp/root"
  mkdir -p "$vendor"
  rm -rf "$vendor/include"
  cp -r "$tmp/root/usr/include" "$vendor/include"
fi
