#include "findings/finding.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "base/sha256.h"

namespace kestra_lint {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

bool ParseSeverity(const std::string& text, Severity& severity) {
  if (text == "info")
    severity = Severity::kInfo;
  else if (text == "warning")
    severity = Severity::kWarning;
  else if (text == "error")
    severity = Severity::kError;
  else
    return false;
  return true;
}

void SortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.path, a.line, a.column, a.rule_id, a.message) <
           std::tie(b.path, b.line, b.column, b.rule_id, b.message);
  });
}

void AssignFingerprints(std::vector<Finding>& findings) {
  std::map<std::string, int> occurrences;
  for (Finding& finding : findings) {
    const std::string subject = !finding.property.empty() ? finding.property
                                : !finding.uri.empty()    ? finding.uri
                                                          : finding.message;
    std::string key = finding.rule_id;
    key += '\0';
    key += finding.path;
    key += '\0';
    key += subject;
    const int occurrence = occurrences[key]++;
    key += '\0';
    key += std::to_string(occurrence);
    finding.fingerprint = Sha256Hex(key).substr(0, 32);
  }
}

TextEdit MakeTextEdit(const SourceText& source, size_t begin, size_t end, std::string replacement) {
  TextEdit edit;
  edit.begin = begin;
  edit.end = end;
  edit.replacement = std::move(replacement);
  const Position from = source.PositionAt(begin);
  const Position to = source.PositionAt(end);
  edit.line = from.line;
  edit.column = from.column;
  edit.end_line = to.line;
  edit.end_column = to.column;
  return edit;
}

}  // namespace kestra_lint
