#!/usr/bin/env bash
# Installs what kestra-lint needs to build and test, on Debian bookworm, as root.
# Cheap when everything is present: it only asks dpkg.
set -euo pipefail
cd "$(dirname "$0")/.."

# dpkg-dev and file: cpack's .deb takes its Depends from dpkg-shlibdeps.
packages=(g++ make cmake ninja-build pkg-config libyaml-cpp-dev libcli11-dev nlohmann-json3-dev nettle-dev
          libgtest-dev libgmock-dev dpkg-dev file)
# What the tests check against: xmllint (JUnit, checkstyle),
# Chromium (the HTML audit report, rendered headless), cmark-gfm (GitHub's
# Markdown renderer, for the Markdown audit report), npm (the SARIF Multitool;
# Debian's only when the machine has no npm of its own), clang and its
# runtimes (the sanitizer suite and the fuzz targets), clang-format
# (scripts/check-format.sh), neovim (the real-client test of `kestra-lint lsp`),
# man-db, bash, zsh and fish (the man page and the completions, run by them).
# --build-only skips them and the npm tools below.
test_tools=1
[ "${1:-}" = "--build-only" ] && test_tools=0
if [ "$test_tools" = 1 ]; then
  packages+=(libxml2-utils chromium cmark-gfm clang libclang-rt-14-dev clang-format neovim
             man-db zsh fish)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi
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

# The tests check outputs with their consumers' own validators, from npm:
# the SARIF Multitool (a self-contained binary; npm skips its postinstall
# chmod, so do that here) and action-validator (GitHub workflow schema).
# Installed into third_party/npm (git-ignored).
npm_tools=third_party/npm
multitool=$npm_tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ "$test_tools" = 1 ] && { [ ! -x "$multitool" ] ||
                              [ ! -x "$npm_tools/node_modules/.bin/action-validator" ]; }; then
  echo "deps: installing the SARIF Multitool and action-validator into $npm_tools"
  npm install --silent --no-audit --no-fund --prefix "$npm_tools" \
    @microsoft/sarif-multitool-linux@5.7.0 @action-validator/cli@0.6.0 @action-validator/core@0.6.0
  chmod u+x "$multitool"
fi
