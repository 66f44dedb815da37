// --format gitlab: a GitLab Code Quality report (a JSON array of Code Climate
// issues). Severities: error -> critical, warning -> major, info -> info.
// Lines are 1-based; the fingerprint is the finding's own (rule + path +
// property or URI + occurrence), unique per finding and stable when lines
// above move. Suppressed findings are left out.
#include "report/json_stream.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

const char* CodeQualitySeverity(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "critical";
    case Severity::kWarning:
      return "major";
    case Severity::kInfo:
      return "info";
  }
  return "critical";
}

nlohmann::ordered_json CodeQualityIssue(const Finding& finding) {
  nlohmann::ordered_json issue = {
      {"type", "issue"},
      {"engine_name", "kestra-lint"},
      {"check_name", finding.rule_id},
      {"description", finding.message},
      {"categories", {"Compatibility"}},
      {"severity", CodeQualitySeverity(finding.severity)},
      {"fingerprint", finding.fingerprint},
      {"location",
       {{"path", finding.path}, {"lines", {{"begin", finding.line}, {"end", finding.end_line}}}}},
  };
  if (!finding.suggestion.empty()) issue["content"] = {{"body", finding.suggestion}};
  return issue;
}

}  // namespace

// Streamed: one issue serialised at a time.
void WriteGitlab(const Report& report, std::ostream& out) {
  JsonStream issues(out);
  issues.BeginArray();
  for (const Finding& finding : report.result.findings) {
    if (!finding.suppressed) issues.Element(CodeQualityIssue(finding));
  }
  issues.End();
}

}  // namespace kestra_lint
