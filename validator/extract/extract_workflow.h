// GitHub Actions workflows: steps that use a kestra-io/* action are API
// clients (inputs `server` and `tenant`), and so are Kestra CLI commands in
// `run:` scripts (`--server`, `--tenant`); URIs in scripts and anywhere else
// get the URI checks, at their exact place inside block strings.
#pragma once

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

void ExtractWorkflow(ScannedFile& file, const TextView& view, const YamlDocument& document);

}  // namespace kestra_lint
