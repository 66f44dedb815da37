// Any other YAML file: its URIs (a Kestra API call can sit anywhere), and
// the version of Kestra's chart a Chart.yaml or helmfile deploys.
#include "extract/chart_reference.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

void ExtractGenericYaml(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  ExtractYamlUris(file, view, document, document.root, "", "");
  ExtractChartReferences(file, view, document);
}

}  // namespace

SourceKind OtherYamlSourceKind() {
  SourceKind kind;
  kind.name = "yaml";
  kind.description = "Other YAML";
  kind.file_patterns = {"*.yml", "*.yaml"};
  kind.extract_document = ExtractGenericYaml;
  return kind;
}

}  // namespace kestra_lint
