// Rule type EnvVarsPrefix: flows read environment variables as
// {{ envs.name }}; Kestra 0.23 changed the prefix those variables carry from
// KESTRA_ to ENV_ (kestra.variables.env-vars-prefix), so a flow that reads
// envs.* breaks unless the variables are renamed or the prefix is set.
// See docs/rules/env-vars-prefix-changed.md.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeEnvVarsPrefixRule(RuleDefinition definition);

}  // namespace kestra_lint
