#include "extract/extract_flow.h"

#include "extract/client_setting.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"
#include "yaml/scalar_offsets.h"

namespace kestra_lint {
namespace {

constexpr std::string_view kKestraTaskPrefix = "io.kestra.plugin.kestra.";
// Tasks nest (Parallel, ForEach, If...); deeper than this is not a flow.
constexpr int kMaxDepth = 200;

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Records each `envs.name` inside a {{ }} expression of `scalar`.
void FindEnvReads(ScannedFile& file, const TextView& view, const YamlNode& scalar) {
  const std::string& value = scalar.value;
  const size_t expression = value.find("{{");
  if (expression == std::string::npos || value.find("envs.", expression) == std::string::npos) {
    return;
  }
  const ScalarOffsets offsets(view.text(), scalar);
  for (size_t at = value.find("envs.", expression); at != std::string::npos;
       at = value.find("envs.", at + 5)) {
    if (IsNameChar(value[at - 1]) || value[at - 1] == '.') continue;
    const size_t open = value.rfind("{{", at);
    const size_t close = value.rfind("}}", at);
    if (close != std::string::npos && close > open) continue;
    size_t end = at + 5;
    while (end < value.size() && IsNameChar(value[end])) ++end;
    if (end == at + 5) continue;
    file.env_reads.push_back(
        {value.substr(at + 5, end - at - 5), Span{view.ToFile(offsets.SourceOffset(at)),
                                                  view.ToFile(offsets.SourceOffset(end - 1)) + 1}});
  }
}

void AddTask(ScannedFile& file, const TextView& view, const YamlDocument& document, uint32_t node,
             uint32_t type_node) {
  const YamlNode& task = document.at(node);
  FlowTask record;
  record.type = document.ScalarValue(type_node);
  record.id = document.ScalarValue(document.Find(node, "id"));
  record.span = NodeSpan(view, document.at(document.Resolve(type_node)));
  for (size_t i = 0; i + 1 < task.children.size(); i += 2) {
    record.keys.push_back(document.ScalarValue(task.children[i]));
    const YamlNode& value = document.at(document.Resolve(task.children[i + 1]));
    if (value.kind == YamlKind::kScalar) {
      record.values.push_back({record.keys.back(), value.value, NodeSpan(view, value)});
    }
  }
  file.flow_tasks.push_back(std::move(record));
}

// Finds tasks (io.kestra.plugin.kestra ones also as clients), expressions and
// envs.* reads anywhere in the flow.
// Aliases are not followed, so every node is visited at most once.
void WalkFlow(ScannedFile& file, const TextView& view, const YamlDocument& document, uint32_t node,
              int depth) {
  if (node == kNoNode || depth > kMaxDepth) return;
  const YamlNode& current = document.at(node);
  if (current.kind == YamlKind::kMap) {
    const uint32_t type_node = document.Find(node, "type");
    const std::string& type = document.ScalarValue(type_node);
    if (!type.empty()) AddTask(file, view, document, node, type_node);
    if (type.compare(0, kKestraTaskPrefix.size(), kKestraTaskPrefix) == 0) {
      const std::string client =
          "task " + document.ScalarValue(document.Find(node, "id")) + " (" + type + ")";
      AddYamlClient(file, view, document, node, {"kestraUrl", "tenantId"}, client, client);
    }
    for (size_t i = 1; i < current.children.size(); i += 2) {
      WalkFlow(file, view, document, current.children[i], depth + 1);
    }
  } else if (current.kind == YamlKind::kSequence) {
    for (uint32_t child : current.children) WalkFlow(file, view, document, child, depth + 1);
  } else if (current.kind == YamlKind::kScalar) {
    FindEnvReads(file, view, current);
    if (current.value.find("{{") != std::string::npos) {
      file.flow_expressions.push_back({current.value, NodeSpan(view, current)});
    }
  }
}

}  // namespace

void ExtractFlow(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  ExtractYamlUris(file, view, document, document.root, "", "");
  WalkFlow(file, view, document, document.root, 0);
  const uint32_t id = document.Find(document.root, "id");
  if (document.IsScalar(id)) {
    file.flow_id = document.ScalarValue(id);
    file.flow_id_span = NodeSpan(view, document.at(document.Resolve(id)));
  }
}

namespace {

bool IsFlowDocument(const YamlDocument& document) {
  return HasTopLevelKey(document, "id") && HasTopLevelKey(document, "namespace") &&
         (HasTopLevelKey(document, "tasks") || HasTopLevelKey(document, "triggers"));
}

}  // namespace

SourceKind FlowSourceKind() {
  SourceKind kind;
  kind.name = "flow";
  kind.description = "Kestra flows";
  kind.file_patterns = {"*.yml", "*.yaml"};
  kind.recognised_by_content = IsFlowDocument;
  kind.extract_document = ExtractFlow;
  return kind;
}

}  // namespace kestra_lint
