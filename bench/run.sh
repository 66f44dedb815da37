#!/usr/bin/env bash
# The speed benchmark: one command, two corpora, one run; prints every ratio.
# The bench corpus (generated here) holds large files; the small-files corpus
# (../shared/bench/small-files-corpus.py, 4,000 files of about 1.8 KB) is
# where per-file costs dominate. Issue 11's targets are printed from this run:
# Spectral / kestra-lint >= 25x and -j1 / -j2 >= 1.6x, on both corpora.
#   bench/run.sh                 # 10,000 + 4,000 files (about 108 + 17 MB)
#   BENCH_FILES=1000 BENCH_SMALL_FILES=400 BENCH_RUNS=1 bench/run.sh   # quick
#   BENCH_ONLY=app-tree bench/run.sh   # only the application tree of issue 13
# Needs: python3, yamllint and hyperfine (Debian), npm (for Spectral, installed
# into bench/.tools on first use). Builds kestra-lint and the parse-only floor
# in build-bench/ (BENCH_BUILD_DIR to reuse another Release build). The
# small-files generator is read where it lives (BENCH_SMALL_GENERATOR to name
# another copy); without it that corpus is skipped. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

files=${BENCH_FILES:-10000}
runs=${BENCH_RUNS:-3}
build=${BENCH_BUILD_DIR:-build-bench}
corpus=$build/corpus-$files
sample=$build/sample-$files
results=$build/results
small_files=${BENCH_SMALL_FILES:-4000}
small_generator=${BENCH_SMALL_GENERATOR:-../shared/bench/small-files-corpus.py}
small_corpus=$build/small-corpus-$small_files
rm -rf "$results"
mkdir -p "$results"

for tool in python3 yamllint hyperfine npm; do
  command -v "$tool" >/dev/null || {
    echo "bench: $tool is missing (apt-get install yamllint hyperfine npm python3)"
    exit 2
  }
done
spectral=bench/.tools/node_modules/.bin/spectral
if [ ! -x "$spectral" ]; then
  echo "bench: installing @stoplight/spectral-cli into bench/.tools"
  npm install --prefix bench/.tools --no-audit --no-fund @stoplight/spectral-cli@6 >/dev/null
fi

# Issue 13: an application tree (BENCH_APP_FILES files, BENCH_APP_MB MiB; 100,000
# and 1024 by default) where most files hold no Kestra call. Targets: at most
# 3x the time of `grep -rF /api/v1` on the same tree, peak memory under 100 MB.
app_tree_bench() {
  app_files=${BENCH_APP_FILES:-100000}
  app_mb=${BENCH_APP_MB:-1024}
  app_tree=$build/app-tree-$app_files
  if [ ! -f "$app_tree/.gitignore" ]; then
    python3 bench/generate_app_tree.py "$app_tree" --files "$app_files" --megabytes "$app_mb"
  fi
  hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-json "$results/app-tree.json" \
    "grep -rF /api/v1 $app_tree" "$lint check -j1 --format compact $app_tree" >/dev/null
  /usr/bin/time -f '%M' -o "$results/app-tree-peak-kb" \
    "$lint" check -j1 --format compact "$app_tree" >/dev/null || true
  python3 - "$results/app-tree.json" "$results/app-tree-peak-kb" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
grep, lint = runs[0]["mean"], runs[1]["mean"]
peak = int(open(sys.argv[2]).read().split()[-1]) / 1024
print(f"app tree: grep -rF {grep:.2f} s, kestra-lint -j1 {lint:.2f} s, "
      f"ratio {lint / grep:.2f}x (target <= 3x), peak {peak:.1f} MB (target < 100 MB)")
PY
}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKESTRA_LINT_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target kestra-lint parse_floor >/dev/null
lint=$build/kestra-lint
if [ "${BENCH_ONLY:-}" = app-tree ]; then
  app_tree_bench
  exit 0
fi

if [ ! -f "$corpus/expected.tsv" ]; then
  python3 bench/generate_corpus.py "$corpus" --files "$files"
fi
# Spectral needs minutes per thousand files: it runs on every tenth YAML file
# (hard links, so the bytes are the same), and so does kestra-lint for that ratio.
if [ ! -d "$sample" ]; then
  (cd "$corpus" && find . -name '*.y*ml' | sort | awk 'NR % 10 == 1') | while read -r f; do
    mkdir -p "$sample/$(dirname "$f")"
    ln "$corpus/$f" "$sample/$f"
  done
fi

floor=$build/parse_floor
small=$results/small-application.yml
printf 'kestra:\n  url: http://localhost:8080/\n  repository:\n    type: postgres\n' >"$small"
grep_pattern='tenants\.(enabled|default-?[tT]enant)|TENANTS_(ENABLED|DEFAULT_TENANT)|/api/v1/(executions|flows|namespaces|triggers|logs|templates|metrics)'

# measure NAME RUNS COMMAND...: wall seconds, peak RSS and user and system CPU
# seconds of each run.
measure() {
  local name=$1 count=$2
  shift 2
  : >"$results/$name.times"
  for _ in $(seq "$count"); do
    /usr/bin/time -f "%e %M %U %S" -o "$results/$name.time" "$@" >"$results/$name.out" 2>"$results/$name.err" || true
    tail -n 1 "$results/$name.time" >>"$results/$name.times"
  done
}

echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run"
measure floor "$runs" "$floor" "$corpus"
measure floor-j1 "$runs" "$floor" --jobs 1 "$corpus"
measure floor-load "$runs" "$floor" --load "$corpus"
measure floor-tree "$runs" "$floor" --tree "$corpus"
measure kestra-lint "$runs" "$lint" check --no-color --fail-on never "$corpus"
measure kestra-lint-j1 "$runs" "$lint" check --no-color --fail-on never -j1 "$corpus"
measure kestra-lint-j2 "$runs" "$lint" check --no-color --fail-on never -j2 "$corpus"
"$lint" check --format json --fail-on never "$corpus" >"$results/kestra-lint.json"
measure grep "$runs" grep -rEn --include='*.yml' --include='*.yaml' --include='*.properties' \
  --include='*.env' "$grep_pattern" "$corpus"
measure yamllint 1 yamllint -f parsable -d relaxed "$corpus"
measure kestra-lint-sample "$runs" "$lint" check --no-color --fail-on never "$sample"
measure floor-sample "$runs" "$floor" "$sample"
measure spectral-sample 1 "$spectral" lint --ruleset bench/spectral-ruleset.yaml -f json -q \
  --fail-severity=error "$sample/**/*.yml" "$sample/**/*.yaml"

# The small-files corpus: the same commands, JSON output as in
# ../shared/bench/README.md; Spectral on every file (seconds, not minutes).
if [ -f "$small_generator" ]; then
  if [ ! -f "$small_corpus.planted" ]; then
    rm -rf "$small_corpus"
    python3 "$small_generator" "$small_corpus" "$small_files" >"$small_corpus.planted.tmp"
    mv "$small_corpus.planted.tmp" "$small_corpus.planted"
  fi
  cp "$small_corpus.planted" "$results/small-planted.txt"
  measure small-kestra-lint-j1 "$runs" "$lint" check --format json --fail-on never -j1 "$small_corpus"
  measure small-kestra-lint-j2 "$runs" "$lint" check --format json --fail-on never -j2 "$small_corpus"
  measure small-grep "$runs" grep -rEc 'tenants|/api/v1/' "$small_corpus"
  measure small-spectral 1 "$spectral" lint --ruleset bench/spectral-ruleset.yaml -f json -q \
    --fail-severity=error "$small_corpus/**/*.yml" "$small_corpus/**/*.yaml"
else
  echo "bench: $small_generator is absent: the small-files corpus is skipped"
fi
hyperfine -N --warmup 20 --runs 300 --export-json "$results/cold-start.json" \
  "$lint check --no-color $small" >/dev/null 2>&1
echo "bench: load $(cut -d' ' -f1-3 /proc/loadavg) after the run"

small_args=()
[ -f "$results/small-planted.txt" ] && small_args=(--small-corpus "$small_corpus")
python3 bench/report.py --corpus "$corpus" --results "$results" "${small_args[@]}"

app_tree_bench

# Issue 12, item 3: a megabyte line of 30,000 URIs against the same URIs one
# per line (the ratio stays near 1 when placing findings is linear), and the
# peak memory of each streamed format on 900,000 findings in 41 MB.
python3 bench/output_shapes.py "$lint" "$build/output-shapes" --runs "$runs"
