// Helm values of Kestra's charts: chart 0.x `configuration:` and `secrets:`,
// chart 1.x `configurations.application`, the starter chart's
// `kestra.configurations.application`; environment lists (`extraEnv`,
// `common.extraEnv`, `deployments.<name>.extraEnv`); `image.image` and
// `image.repository` as edition evidence. Top-level keys are kept as chart
// keys for the chart-migration rules.
#pragma once

#include <string_view>

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

// values.yaml, values-prod.yaml, kestra-values.yaml, kestra.values.yml.
bool IsHelmValuesName(std::string_view name);

void ExtractHelmValues(ScannedFile& file, const TextView& view, const YamlDocument& document);

}  // namespace kestra_lint
