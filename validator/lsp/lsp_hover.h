// Hover on a flagged key or URI: what is wrong, the suggested replacement,
// and the rule's explanation, as markdown. Only findings' texts appear, which
// are redacted already, never the source line itself.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "base/source_text.h"
#include "findings/finding.h"

namespace kestra_lint {

// A Hover for `findings` (those under the cursor; at least one), its range
// the first finding's.
nlohmann::json HoverFor(const std::vector<const Finding*>& findings, const SourceText& source);

}  // namespace kestra_lint
