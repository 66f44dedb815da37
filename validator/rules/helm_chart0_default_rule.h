// Rule type HelmChart0Default: chart 0.x values (shown by the `anchor` key,
// such as image.image, which chart 1.0 no longer reads) that leave a
// `defaults:` setting of chart 0.x unset, and so rely on what it turned on.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeHelmChart0DefaultRule(RuleDefinition definition);

}  // namespace kestra_lint
