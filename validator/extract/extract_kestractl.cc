#include "extract/extract_kestractl.h"

#include "extract/client_setting.h"
#include "extract/extract_helm.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {

void ExtractKestractl(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  ExtractYamlUris(file, view, document, document.root, "", "");
  const uint32_t contexts = document.Resolve(document.Find(document.root, "contexts"));
  if (!document.IsMap(contexts)) return;
  const std::vector<uint32_t>& children = document.at(contexts).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const std::string& name = document.ScalarValue(children[i]);
    AddYamlClient(file, view, document, children[i + 1], {"host", "tenant"},
                  "kestractl context " + name, "kestractl contexts." + name);
  }
}

namespace {

// Any file under .kestractl/, except a Helm values file name: Helm values
// recognised by name take precedence (kestractl comes first in the registry
// for its content, a `contexts:` mapping, which wins over a Helm values shape).
bool IsKestractlPath(std::string_view path) {
  return path.find(".kestractl/") != std::string_view::npos && !IsHelmValuesName(BaseName(path));
}

bool IsKestractlConfig(const YamlDocument& document) {
  return document.IsMap(document.Find(document.root, "contexts")) &&
         !HasTopLevelKey(document, "kestra");
}

}  // namespace

SourceKind KestractlSourceKind() {
  SourceKind kind;
  kind.name = "kestractl config";
  kind.description = "kestractl configuration";
  kind.file_patterns = {"*.yml", "*.yaml"};
  kind.recognised_by_name = IsKestractlPath;
  kind.recognised_by_content = IsKestractlConfig;
  kind.extract_document = ExtractKestractl;
  return kind;
}

}  // namespace kestra_lint
