// Kestra application configuration (application*.yml, config.yml, or any
// YAML whose top-level keys are Kestra's): every property and URI.
#include <string>
#include <vector>

#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

bool HasKestraTopLevelKey(const YamlDocument& document) {
  const std::vector<uint32_t>& children = document.at(document.Resolve(document.root)).children;
  for (size_t i = 0; i < children.size(); i += 2) {
    const std::string& key = document.ScalarValue(children[i]);
    if (key == "kestra" || key.rfind("kestra.", 0) == 0 || key == "micronaut" ||
        key == "datasources") {
      return true;
    }
  }
  return false;
}

void ExtractApplicationConfig(ScannedFile& file, const TextView& view,
                              const YamlDocument& document) {
  ExtractConfigProperties(file, view, document, document.root, "", "");
  ExtractYamlUris(file, view, document, document.root, "", "");
}

}  // namespace

SourceKind ApplicationConfigSourceKind() {
  SourceKind kind;
  kind.name = "application config";
  kind.description = "Kestra configuration";
  kind.file_patterns = {"*.yml", "*.yaml"};
  kind.recognised_by_content = HasKestraTopLevelKey;
  kind.extract_document = ExtractApplicationConfig;
  return kind;
}

}  // namespace kestra_lint
