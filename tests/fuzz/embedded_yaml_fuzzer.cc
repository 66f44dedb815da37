// Embedded documents: a YAML block string parsed in place (KESTRA_CONFIGURATION,
// a ConfigMap's application.yml) whose offsets map back through the outer
// scalar; then the whole extract stage under each kind of file name.
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/extract.h"
#include "fuzz_support.h"
#include "pipeline/scan.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace {

using kestra_lint::fuzzing::Require;

constexpr int kMaxEmbeddingDepth = 2;

void CheckEmbedded(const kestra_lint::TextView& view, size_t file_size, int depth) {
  const kestra_lint::YamlParseResult parsed = kestra_lint::ParseYaml(view.text());
  for (const kestra_lint::YamlProblem& problem : parsed.problems) {
    Require(view.ToFile(problem.offset) <= file_size, "embedded problem maps inside the file");
  }
  for (const kestra_lint::YamlDocument& document : parsed.documents) {
    for (const kestra_lint::YamlNode& node : document.nodes) {
      Require(view.ToFile(node.offset) <= file_size, "embedded node maps inside the file");
      if (node.kind != kestra_lint::YamlKind::kScalar || node.value.empty()) continue;
      if (depth < kMaxEmbeddingDepth) {
        const kestra_lint::TextView inner(view, node);
        for (size_t i = 0; i <= node.value.size(); i += 1 + node.value.size() / 64) {
          Require(inner.ToFile(i) <= file_size, "embedded scalar byte maps inside the file");
        }
        CheckEmbedded(inner, file_size, depth + 1);
      }
    }
  }
}

const char* const kNames[] = {
    "application.yml",        "docker-compose.yml", "values.yaml",
    "flows/flow.yml",         "k8s/manifest.yaml",  ".github/workflows/ci.yml",
    ".kestractl/config.yaml", "other.yaml"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view name = kNames[data[0] % (sizeof(kNames) / sizeof(kNames[0]))];
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  CheckEmbedded(kestra_lint::TextView(text), text.size(), 0);
  const kestra_lint::ScannedFile file = kestra_lint::ScanText(std::string(name), text);
  kestra_lint::fuzzing::RequireSpansInside(file);
  return 0;
}
