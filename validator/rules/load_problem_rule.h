// Rule type LoadProblem: reports what loading a file found (a YAML syntax
// error, nesting too deep, an alias bomb, a binary or oversized file, a
// duplicate key) under the rule id the loader gave it.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeLoadProblemRule(RuleDefinition definition);

}  // namespace kestra_lint
