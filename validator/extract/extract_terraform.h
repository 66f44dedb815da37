// Terraform (*.tf): `provider "kestra"` blocks are API clients (`url`,
// `tenant_id`), and every string literal and heredoc (flow sources in
// kestra_flow resources, for example) gets the URI checks. The version
// constraints on Kestra's provider in `required_providers` are recorded, since
// releases before 0.23 send tenant-less paths. A small tolerant
// HCL scanner: comments, strings with escapes and interpolation, heredocs,
// nested blocks; anything it does not understand is skipped, never fatal.
#pragma once

#include "extract/scanned_file.h"

namespace kestra_lint {

void ExtractTerraformFile(ScannedFile& file);

}  // namespace kestra_lint
