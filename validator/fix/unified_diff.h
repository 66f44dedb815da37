// A unified diff (3 lines of context) of a file before and after text edits,
// built from the edits themselves. Lines are printed through RedactLineOf, so
// secret values near a fix never reach the terminal or a CI log.
#pragma once

#include <string>
#include <vector>

#include "findings/finding.h"

namespace kestra_lint {

// `edits` are sorted, do not overlap and apply to `before`. "" when empty.
std::string UnifiedDiff(const std::string& path, const std::string& before,
                        const std::vector<TextEdit>& edits);

}  // namespace kestra_lint
