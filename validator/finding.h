// A finding: what a rule reports, already placed at a 1-based line and
// column of the file the user has open, with secrets redacted.
#pragma once

#include <string>
#include <vector>

namespace kestra_lint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

const char* SeverityName(Severity severity);
bool ParseSeverity(const std::string& text, Severity& severity);

struct Finding {
  std::string rule_id;
  Severity severity = Severity::kError;
  std::string message;
  std::string suggestion;
  std::string path;
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
  std::string property;  // canonical property, "" when none
  std::string uri;       // the URI as written (credentials redacted), "" when none
  std::string origin;
  std::string fingerprint;
  std::string source_line;  // the line at `line`, secrets redacted
  std::string docs_url;
};

// Sorts by path, line, column, rule id, message: the order every output uses.
void SortFindings(std::vector<Finding>& findings);
// Fills each finding's fingerprint: rule + path + property or URI + occurrence
// (no line numbers, so an edit above a finding keeps it).
void AssignFingerprints(std::vector<Finding>& findings);

}  // namespace kestra_lint
