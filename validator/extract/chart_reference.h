// Where a YAML file deploys Kestra's Helm chart at a fixed version: a
// Chart.yaml dependency, a helmfile release or an Argo CD Application. Each
// is ScannedFile::chart_versions evidence; version ranges ("~1.0.0") say
// nothing exact and are left out.
#pragma once

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

void ExtractChartReferences(ScannedFile& file, const TextView& view, const YamlDocument& document);

}  // namespace kestra_lint
