// Kubernetes manifests (one document per object): a ConfigMap's `data` and
// `stringData`, a Secret's `stringData` entries that hold Kestra application
// YAML, parsed in place; container `env` lists and images. A Secret's `data`
// is base64: a finding inside it could not point at a line, so it is not read
// (docs/sources.md says so).
#pragma once

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

void ExtractKubernetes(ScannedFile& file, const TextView& view, const YamlDocument& document);

}  // namespace kestra_lint
