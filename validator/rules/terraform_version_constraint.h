// Terraform version constraints ("~> 0.18.0", ">= 0.15, < 0.22", "0.20.1"),
// as `required_providers` entries write them: which provider releases they
// let `terraform init` install.
#pragma once

#include <string_view>

#include "base/version.h"

namespace kestra_lint {

// Does `constraint` admit releases, and only releases before `limit`? False
// for an empty constraint (the latest release), for one that admits none,
// and for one that does not parse or names a pre-release: those say nothing
// certain about the release installed.
bool AdmitsOnlyReleasesBefore(std::string_view constraint, const Version& limit);

}  // namespace kestra_lint
