// Rule type TenantIdValue: a property whose value must be a Kestra tenant id
// (lower case letters, digits, '_' and '-', starting with a letter or digit,
// at most 250 characters), and that means nothing in OSS.
#pragma once

#include <string_view>

#include "rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeTenantIdRule(RuleDefinition definition);

// Kestra's tenant id rule, ^[a-z0-9][a-z0-9_-]*, at most 250 characters.
bool IsValidTenantId(std::string_view id);

}  // namespace kestra_lint
