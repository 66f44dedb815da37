// What `kestra-lint explain RULE` prints and the language server's "Explain
// this rule" returns: one text for both, so the editor and the terminal
// never tell a rule apart differently.
#pragma once

#include <string>

#include "rules/rule.h"

namespace kestra_lint {

// docs/rules/<id>.md as compiled in, or "" for a rule without a page.
std::string RuleDocPage(const std::string& rule_id);

// The rule's page; for a rule without one (a pack's own rule), its id,
// title, severity, pack and docs link.
std::string ExplainRule(const Rule& rule);

}  // namespace kestra_lint
