#!/usr/bin/env bash
# The step of the GitHub Action (action.yml): runs kestra-lint's image on the
# workspace with the action's inputs (INPUT_* variables), as the runner's user
# so the files it writes (SARIF, JUnit) belong to the job.
set -euo pipefail

image=${INPUT_IMAGE:-}
if [ -z "$image" ]; then
  # github.action_repository is empty inside composite actions
  # (actions/runner#2525); the action sits in .../_actions/OWNER/REPO/REF.
  owner=$(basename "$(dirname "$(dirname "$GITHUB_ACTION_PATH")")")
  image="ghcr.io/${owner,,}/kestra-lint:$INPUT_VERSION"
fi

args=(check --fail-on "$INPUT_FAIL_ON" --edition "$INPUT_EDITION")
if [ -n "${INPUT_TARGET_VERSION:-}" ]; then args+=(--target-version "$INPUT_TARGET_VERSION"); fi
read -ra formats <<< "${INPUT_FORMATS:-}"
for format in "${formats[@]}"; do args+=(--format "$format"); done
if [ "${INPUT_SARIF:-false}" = true ]; then
  args+=(--format "sarif=$INPUT_SARIF_FILE")
  echo "sarif-file=$INPUT_SARIF_FILE" >> "$GITHUB_OUTPUT"
fi
read -ra paths <<< "${INPUT_PATHS:-.}"

status=0
docker run --rm --user "$(id -u):$(id -g)" --env GITHUB_ACTIONS \
  --volume "$GITHUB_WORKSPACE:/work" --workdir /work \
  "$image" "${args[@]}" -- "${paths[@]}" || status=$?
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
exit "$status"
