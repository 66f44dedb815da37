// Rule type FlowUsage: flow tasks and triggers of `types:` (a name ending in
// '.' is a package prefix; none: any type) that set `withKey:` or leave
// `withoutKey:` unset (with `valueContains:`, only where the withKey scalar
// holds that text, and the finding points at it), and flow expressions that
// contain one of `expressionContains:` (as a whole name), all only in flows
// with a task of `inFlowsWith:` when given. For plugin and expression changes
// of a release.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeFlowUsageRule(RuleDefinition definition);

}  // namespace kestra_lint
