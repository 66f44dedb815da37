// Rule type PropertySet: fires where a configuration property is set, in any
// spelling and any source (YAML, .properties, environment, -D options).
// Removed, renamed and temporary properties are all this type plus data.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakePropertySetRule(RuleDefinition definition);

}  // namespace kestra_lint
