// Kestra flows: URIs in any task property (HTTP requests, scripts),
// io.kestra.plugin.kestra.* tasks as API clients (`kestraUrl`, `tenantId`),
// and the environment variables expressions read ({{ envs.name }}).
#pragma once

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

void ExtractFlow(ScannedFile& file, const TextView& view, const YamlDocument& document);

}  // namespace kestra_lint
