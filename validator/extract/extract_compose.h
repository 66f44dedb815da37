// Docker Compose files (docker-compose*.yml, compose*.yaml, overrides): each
// service's environment (mapping or NAME=value list, KESTRA_CONFIGURATION
// embedded as a block string or a mapping, KESTRA_* variables, JAVA_OPTS)
// and its image as edition evidence; URIs in commands and healthchecks;
// top-level `configs.<name>.content` holding Kestra configuration.
#pragma once

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

void ExtractCompose(ScannedFile& file, const TextView& view, const YamlDocument& document);

}  // namespace kestra_lint
