// The fast YAML loader against yaml-cpp: whenever the fast loader accepts an
// input, its result must equal the yaml-cpp path's node for node (kind,
// style, flow, offset, value, children) and problem for problem.
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "yaml/fast_yaml.h"
#include "yaml/yaml_tree.h"
#include "yaml_differential.h"

using kestra_lint::fuzzing::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<kestra_lint::YamlParseResult> fast = kestra_lint::ParseYamlFast(text);
  if (!fast) return 0;
  const std::string difference =
      kestra_lint::testing::FirstDifference(*fast, kestra_lint::ParseYamlWithYamlCpp(text));
  if (!difference.empty()) std::fprintf(stderr, "%s\n", difference.c_str());
  Require(difference.empty(), "the fast loader gives what yaml-cpp gives");
  return 0;
}
