// A finding: what a rule reports, already placed at a 1-based line and
// column of the file the user has open, with secrets redacted.
#pragma once

#include <string>
#include <vector>

#include "base/source_text.h"

namespace kestra_lint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

const char* SeverityName(Severity severity);
bool ParseSeverity(const std::string& text, Severity& severity);

// A replacement of bytes [begin, end) of the finding's file; positions are
// 1-based, columns in characters, the end exclusive.
struct TextEdit {
  size_t begin = 0;
  size_t end = 0;
  std::string replacement;
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
};

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
  // What is shown of the line at `line` (a window of a long line, secrets
  // masked, controls escaped) and where the caret goes in it (1-based column
  // in characters, width at least 1).
  std::string source_line;
  int source_caret_column = 0;
  int source_caret_width = 0;
  std::string docs_url;
  // The Kestra release that made the change reported ("0.23"); "" when the
  // finding is about no release.
  std::string since;
  // A fix whose meaning is certain (applied by `kestra-lint fix`); empty when
  // the finding needs a person.
  std::vector<TextEdit> fix;
  // Waived by an inline suppression or a baseline; kept in the output, not
  // counted for the exit code.
  bool suppressed = false;
  std::string suppression_kind;    // "inline" or "baseline"
  std::string suppression_reason;  // the justification the user wrote
  // Where the waiver is written: the file of the comment and its line, or
  // the baseline file (line 0).
  std::string suppression_path;
  int suppression_line = 0;
};

// How many findings one file reports; the rest become one summary finding.
inline constexpr size_t kMaxFindingsPerFile = 1000;
// How long a message, suggestion, URI or property may be when printed.
inline constexpr size_t kMaxFindingText = 1024;

// The one step between a file's text and every output, run on the findings
// [first, end) of `source` as they are made: masks secrets in their texts,
// shortens long ones, sets the source excerpt, and past kMaxFindingsPerFile
// keeps the first findings by position and sums up the rest in one.
void PrepareForOutput(const SourceText& source, std::vector<Finding>& findings, size_t first);

// Sorts by path, line, column, rule id, message: the order every output uses.
void SortFindings(std::vector<Finding>& findings);
// Fills each finding's fingerprint: rule + path + property or URI + occurrence
// (no line numbers, so an edit above a finding keeps it).
void AssignFingerprints(std::vector<Finding>& findings);

// An edit of bytes [begin, end) of `source`, with its positions filled in.
TextEdit MakeTextEdit(const SourceText& source, size_t begin, size_t end, std::string replacement);

}  // namespace kestra_lint
