#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, with ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 300), FUZZ_PARALLEL targets at a time (default: cores).
# Seeds come from tests/fuzz/<target>/ and are never modified: new inputs go
# to build-fuzz/corpus/<target>/, crashes to build-fuzz/crashes/<target>/.
# A dictionary tests/fuzz/<target>.dict, when there is one, is passed too.
# Usage: scripts/fuzz.sh [target...]   (default: every target)
# Exit status 1 when a target found a crash: turn each into a regression test
# (tests/fuzz_regression_test.cc) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-300}
parallel=${FUZZ_PARALLEL:-$(nproc)}
build=${FUZZ_BUILD_DIR:-build-fuzz}

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DKESTRA_LINT_FUZZ=ON \
    -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target fuzzers

targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  for seeds in tests/fuzz/*/; do targets+=("$(basename "$seeds")"); done
fi

run_target() {
  local target=$1
  local corpus="$build/corpus/$target" crashes="$build/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  local dictionary=()
  if [ -f "tests/fuzz/$target.dict" ]; then dictionary=(-dict="tests/fuzz/$target.dict"); fi
  # -rss_limit_mb and -timeout turn a blow-up or a hang on one input into a
  # reported crash; -max_len lets inputs grow past the seeds' size.
  if "$build/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" "${dictionary[@]}" \
      "$corpus" "tests/fuzz/$target" >"$build/fuzz-$target.log" 2>&1; then
    echo "fuzz $target: ok ($(grep -o 'stat::number_of_executed_units: [0-9]*' \
      "$build/fuzz-$target.log" | grep -o '[0-9]*$') runs in ${seconds}s)"
  else
    echo "fuzz $target: FAILED, see $build/fuzz-$target.log and $crashes/"
    tail -n 30 "$build/fuzz-$target.log"
    return 1
  fi
}

status=0
running=0
pids=()
for target in "${targets[@]}"; do
  run_target "$target" &
  pids+=($!)
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
    running=$((running - 1))
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
