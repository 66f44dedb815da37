// The YAML loader with positions: the event-parser tree (aliases, duplicate
// keys, nesting limits) and the map from decoded scalar bytes back to source
// bytes, for every scalar style.
#include <cstdint>
#include <string_view>

#include "base/source_text.h"
#include "fuzz_support.h"
#include "yaml/scalar_offsets.h"
#include "yaml/yaml_tree.h"

using kestra_lint::fuzzing::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kestra_lint::SourceText source{std::string(text)};
  const kestra_lint::YamlParseResult parsed = kestra_lint::ParseYaml(text);
  for (const kestra_lint::YamlProblem& problem : parsed.problems) {
    Require(problem.offset <= size, "problem offset inside the text");
    source.PositionAt(problem.offset);
  }
  for (const kestra_lint::YamlDocument& document : parsed.documents) {
    Require(document.root < document.nodes.size(), "root is a node");
    for (const kestra_lint::YamlNode& node : document.nodes) {
      Require(node.offset <= size, "node offset inside the text");
      for (uint32_t child : node.children) Require(child < document.nodes.size(), "child index");
      if (node.kind == kestra_lint::YamlKind::kMap) {
        Require(node.children.size() % 2 == 0, "maps hold key, value pairs");
      }
      if (node.kind != kestra_lint::YamlKind::kScalar) continue;
      const kestra_lint::ScalarOffsets offsets(text, node);
      for (size_t i = 0; i <= node.value.size(); ++i) {
        Require(offsets.SourceOffset(i) <= size, "scalar byte maps inside the text");
      }
    }
  }
  return 0;
}
