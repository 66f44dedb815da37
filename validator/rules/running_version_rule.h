// Rule type RunningVersion: where a file shows the installation runs a Kestra
// version below `below:` (an image tag, a chart version), for a release that
// refuses to upgrade from there directly.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeRunningVersionRule(RuleDefinition definition);

}  // namespace kestra_lint
