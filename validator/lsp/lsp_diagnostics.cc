#include "lsp/lsp_diagnostics.h"

#include <algorithm>

#include "lsp/lsp_positions.h"
#include "rules/rule_explanation.h"

namespace kestra_lint {
namespace {

// LSP DiagnosticSeverity: 1 error, 2 warning, 3 information.
int LspSeverity(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kInfo:
      return 3;
  }
  return 3;
}

}  // namespace

nlohmann::json DiagnosticFor(const Finding& finding, const SourceText& source) {
  std::string message = finding.message;
  if (!finding.suggestion.empty()) message += "\nSuggestion: " + finding.suggestion;
  // Filled key by key: nested initializer lists would copy every level.
  nlohmann::json diagnostic = nlohmann::json::object();
  diagnostic["range"] = ToJson(FindingRange(source, finding));
  diagnostic["severity"] = LspSeverity(finding.severity);
  diagnostic["code"] = finding.rule_id;
  diagnostic["source"] = "kestra-lint";
  diagnostic["message"] = std::move(message);
  nlohmann::json& data = diagnostic["data"];
  data["ruleId"] = finding.rule_id;
  data["suggestion"] = finding.suggestion;
  data["fingerprint"] = finding.fingerprint;
  data["fixable"] = !finding.fix.empty();
  if (!finding.docs_url.empty()) diagnostic["codeDescription"] = {{"href", finding.docs_url}};
  return diagnostic;
}

nlohmann::json ConfigErrorDiagnostic(const ConfigError& error, const SourceText& source) {
  const int line = std::max(1, error.at().line);
  const size_t start = error.at().line > 0 ? OffsetOfColumn(source, line, error.at().column)
                                           : source.LineStart(line);
  const size_t end = source.LineStart(line) + source.Line(line).size();
  nlohmann::json diagnostic = nlohmann::json::object();
  diagnostic["range"] =
      ToJson(LspRange{LspPositionAt(source, start), LspPositionAt(source, std::max(start, end))});
  diagnostic["severity"] = LspSeverity(Severity::kError);
  diagnostic["code"] = "config";
  diagnostic["source"] = "kestra-lint";
  diagnostic["message"] = error.message();
  return diagnostic;
}

nlohmann::json DiagnosticsFor(const std::vector<Finding>& findings, const SourceText& source) {
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const Finding& finding : findings) {
    if (!finding.suppressed) diagnostics.push_back(DiagnosticFor(finding, source));
  }
  return diagnostics;
}

std::string RuleExplanation(const std::string& rule_id) {
  std::string doc = RuleDocPage(rule_id);
  const size_t examples = doc.find("\n## ");
  if (examples != std::string::npos) doc.resize(examples + 1);
  return doc;
}

}  // namespace kestra_lint
