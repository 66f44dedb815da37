#!/usr/bin/env bash
# Fails when a C++ source under validator/, tests/ or bench/ is not formatted
# as .clang-format says, so CI catches it; it changes no file.
#   scripts/check-format.sh              # every file
#   scripts/check-format.sh origin/main  # only files added or changed since that revision
# To fix: clang-format -i FILE... (CLANG_FORMAT names another binary).
set -euo pipefail
cd "$(dirname "$0")/.."

clang_format=${CLANG_FORMAT:-clang-format}
command -v "$clang_format" >/dev/null || {
  echo "check-format: $clang_format is missing (apt-get install clang-format)" >&2
  exit 2
}

sources=('validator/*.cc' 'validator/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'bench/*.h')
if [ $# -gt 0 ]; then
  # Changed against the base (committed or not), plus new files not yet added.
  mapfile -t files < <({
    git diff --name-only --diff-filter=d "$1" -- "${sources[@]}"
    git ls-files --others --exclude-standard -- "${sources[@]}"
  } | sort -u)
else
  mapfile -t files < <(git ls-files --cached --others --exclude-standard -- "${sources[@]}" |
                         sort -u)
fi

# Files deleted in the work tree but still in the index are not checked.
existing=()
for file in "${files[@]}"; do [ -f "$file" ] && existing+=("$file"); done
files=("${existing[@]}")
if [ "${#files[@]}" -eq 0 ]; then
  echo "check-format: no C++ file to check"
  exit 0
fi
if ! "$clang_format" --dry-run --Werror "${files[@]}"; then
  echo "check-format: the files above are not formatted; run clang-format -i on them" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
