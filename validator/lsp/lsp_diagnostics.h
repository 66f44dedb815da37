// Findings as LSP objects: diagnostics for textDocument/publishDiagnostics
// and the rule documentation that hovers and "Explain this rule" show.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/source_text.h"
#include "findings/finding.h"
#include "pipeline/lint_config.h"

namespace kestra_lint {

constexpr const char* kExplainCommand = "kestra-lint.explainRule";

// One Diagnostic: range in UTF-16 units, severity, code = rule id,
// codeDescription.href = the rule's docs, source "kestra-lint", the
// suggestion after the message, and data {ruleId, suggestion, fingerprint,
// fixable} for code actions.
nlohmann::json DiagnosticFor(const Finding& finding, const SourceText& source);

// A mistake in a .kestra-lint.yaml whose text is `source`: an error from its
// place to the end of that line (the first line when it has no place).
nlohmann::json ConfigErrorDiagnostic(const ConfigError& error, const SourceText& source);

// The diagnostics of a file's findings; suppressed findings are left out.
nlohmann::json DiagnosticsFor(const std::vector<Finding>& findings, const SourceText& source);

// The explanation part of a rule's page (RuleDocPage): everything before
// its first "## " section (the examples).
std::string RuleExplanation(const std::string& rule_id);

}  // namespace kestra_lint
