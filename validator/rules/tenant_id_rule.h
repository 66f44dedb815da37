// Rule type TenantIdValue: a property whose value must be a Kestra tenant id
// (lower case letters, digits, '_' and '-', starting with a letter or digit,
// at most 250 characters), and that means nothing in OSS.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeTenantIdRule(RuleDefinition definition);

}  // namespace kestra_lint
