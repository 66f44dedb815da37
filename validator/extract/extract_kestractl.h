// kestractl configuration (~/.kestractl/config.yaml): every
// `contexts.<name>` with `host` and `tenant` is an API client.
#pragma once

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

void ExtractKestractl(ScannedFile& file, const TextView& view, const YamlDocument& document);

}  // namespace kestra_lint
