// Runs the GitHub Action (action.yml) as the runner would, on a workspace:
// its inputs' defaults overridden by a step's `with`, its step's script, and
// a stand-in `docker` that runs the kestra-lint just built where the image
// would run, so the test sees the arguments and files the action makes.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <string>

#include "external_tool.h"
#include "test_support.h"

namespace kestra_lint::testing {

struct ActionRun {
  CliRun run;           // the step's exit code and output
  std::string image;    // the image `docker run` was given
  std::string outputs;  // what the step wrote to $GITHUB_OUTPUT
};

// `docker run [options] IMAGE ARGS...`: the workspace is the --volume's host
// side, the image is recorded, ARGS go to the built binary.
constexpr char kFakeDocker[] = R"(#!/usr/bin/env bash
[ "$1" = run ] || exit 125
shift
while [ $# -gt 0 ]; do
  case $1 in
    --rm) shift ;;
    --volume) workspace=${2%%:*}; shift 2 ;;
    --user|--env|--workdir) shift 2 ;;
    *) break ;;
  esac
done
printf '%s' "$1" > "$FAKE_DOCKER_IMAGE"
shift
cd "$workspace" && exec "$FAKE_DOCKER_KESTRA_LINT" "$@"
)";

// The environment variable GitHub gives the action for input `name`.
inline std::string InputVariable(std::string name) {
  for (char& c : name) c = c == '-' ? '_' : static_cast<char>(std::toupper(c));
  return "INPUT_" + name;
}

inline std::string SingleQuoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

inline ActionRun RunAction(const YAML::Node& with, const std::string& workspace) {
  const TempDir runner;
  runner.Write("bin/docker", kFakeDocker);
  const YAML::Node action = YAML::LoadFile(SourceDir() + "/action.yml");
  std::string environment =
      "GITHUB_ACTIONS=true GITHUB_WORKSPACE=" + workspace + " GITHUB_OUTPUT=" + runner.path() +
      "/output" + " GITHUB_ACTION_PATH=" + runner.path() + "/_actions/Your-Org/kestra-lint/v1" +
      " FAKE_DOCKER_IMAGE=" + runner.path() + "/image" +
      " FAKE_DOCKER_KESTRA_LINT=" + KESTRA_LINT_BINARY + " PATH=" + runner.path() + "/bin:$PATH";
  for (const auto& input : action["inputs"]) {
    const std::string name = input.first.as<std::string>();
    const YAML::Node given = with[name];
    const std::string value =
        given ? given.as<std::string>() : input.second["default"].as<std::string>();
    environment += " " + InputVariable(name) + "=" + SingleQuoted(value);
  }
  ActionRun result;
  result.run = RunShell("cd " + workspace + " && chmod +x " + runner.path() + "/bin/docker && " +
                        environment + " " + SourceDir() + "/scripts/github-action.sh 2>&1");
  result.image = ReadFile(runner.path() + "/image");
  result.outputs = ReadFile(runner.path() + "/output");
  return result;
}

}  // namespace kestra_lint::testing
