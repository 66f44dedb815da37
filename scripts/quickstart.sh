#!/usr/bin/env bash
# Installs what is missing, builds kestra-lint and runs it on examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --build-only
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target kestra-lint
echo
echo "$ build/kestra-lint check examples/"
status=0
build/kestra-lint check examples/ || status=$?
echo
echo "kestra-lint exited with $status (0: clean, 1: findings at or above --fail-on, 2: usage error, 3: internal error)"
[ "$status" -le 1 ]
