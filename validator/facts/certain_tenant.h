// The tenant a fix may write into an API call without guessing: the one
// given (--tenant or `tenant:` in .kestra-lint.yaml), the flow's own tenant
// inside a flow (rendered at run time), `main` in the open-source edition, or
// the fallbackTenant that serves tenant-less calls on Enterprise today.
#pragma once

#include <string>

#include "extract/scanned_file.h"
#include "facts/facts.h"

namespace kestra_lint {

// The certain tenant for API calls made from `file`; "" when none is certain.
std::string CertainTenant(const ScannedFile& file, const Facts& facts);

}  // namespace kestra_lint
