#include "extract_flow.h"

#include "client_setting.h"
#include "yaml_extract.h"

namespace kestra_lint {
namespace {

constexpr std::string_view kKestraTaskPrefix = "io.kestra.plugin.kestra.";
// Tasks nest (Parallel, ForEach, If...); deeper than this is not a flow.
constexpr int kMaxDepth = 200;

// Finds io.kestra.plugin.kestra tasks anywhere in the flow. Aliases are not
// followed, so every node is visited at most once.
void FindKestraTasks(ScannedFile& file, const TextView& view, const YamlDocument& document,
                     uint32_t node, int depth) {
  if (node == kNoNode || depth > kMaxDepth) return;
  const YamlNode& current = document.at(node);
  if (current.kind == YamlKind::kMap) {
    const std::string& type = document.ScalarValue(document.Find(node, "type"));
    if (type.compare(0, kKestraTaskPrefix.size(), kKestraTaskPrefix) == 0) {
      const std::string client =
          "task " + document.ScalarValue(document.Find(node, "id")) + " (" + type + ")";
      AddYamlClient(file, view, document, node, {"kestraUrl", "tenantId"}, client, client);
    }
    for (size_t i = 1; i < current.children.size(); i += 2) {
      FindKestraTasks(file, view, document, current.children[i], depth + 1);
    }
  } else if (current.kind == YamlKind::kSequence) {
    for (uint32_t child : current.children) FindKestraTasks(file, view, document, child, depth + 1);
  }
}

}  // namespace

void ExtractFlow(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  ExtractYamlUris(file, view, document, document.root, "", "");
  FindKestraTasks(file, view, document, document.root, 0);
}

}  // namespace kestra_lint
