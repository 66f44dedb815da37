// Rule type HelmValuesSetting: second-level keys of a Kestra chart's values
// (`settings:` maps each path, such as image.image, to what replaces it),
// optionally only with one of `values:` (postgresql.enabled: true).
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeHelmValuesSettingRule(RuleDefinition definition);

}  // namespace kestra_lint
