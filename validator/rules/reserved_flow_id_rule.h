// Rule type ReservedFlowId: a flow whose own `id:` is one of `ids:`, names a
// release reserved for its API routes.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeReservedFlowIdRule(RuleDefinition definition);

}  // namespace kestra_lint
