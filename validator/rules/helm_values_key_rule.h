// Rule type HelmValuesKey: top-level keys of a Kestra chart's values that a
// chart release renamed or removed (`keys:` maps each old key to what
// replaces it). Only Helm values of Kestra charts carry chart keys.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeHelmValuesKeyRule(RuleDefinition definition);

}  // namespace kestra_lint
