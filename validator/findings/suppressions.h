// Inline suppressions: comments that waive findings, with a reason. `#`
// stands for the comment sign of the file's kind (`//`, `<!--`, ...: its
// SourceKind::comment_signs).
//   # kestra-lint disable-line <rule-id>[,<rule-id>] -- <reason>
//   # kestra-lint disable-next-line <rule-id>[,<rule-id>] -- <reason>
//   # kestra-lint disable-file <rule-id>[,<rule-id>] -- <reason>   (top comment lines only)
// Only real comments count: YAML comments outside quoted and block scalars
// (and those of embedded configuration documents, which the extractors
// record), .properties lines starting with # or !, .env lines and unquoted
// trailing comments, and in other formats a comment sign of the kind outside
// string literals. Suppressed findings stay in the results, marked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/scanned_file.h"
#include "findings/finding.h"

namespace kestra_lint {

struct Suppression {
  enum class Scope { kLine, kNextLine, kFile };
  Scope scope = Scope::kLine;
  std::vector<std::string> rule_ids;
  std::vector<Span> rule_id_spans;
  std::string reason;   // "" when none was written
  int line = 0;         // the comment's line
  int target_line = 0;  // the line it waives (0 for kFile)
  Span span;            // the directive, from its comment sign to the comment's end
  std::string problem;  // set when the comment is not a valid directive
};

// A comment of `file`: its sign's offset and its text after the sign (before
// a block comment's closer).
struct Comment {
  size_t offset = 0;
  std::string text;
  bool top = false;        // among the comment lines at the top of the file
  size_t sign_length = 1;  // `#` 1, `//` 2, `<!--` 4
};

// The comments of `file`, in file order, embedded ones included.
std::vector<Comment> FindComments(const ScannedFile& file);

// The kestra-lint directives among the file's comments.
std::vector<Suppression> FindSuppressions(const ScannedFile& file);

struct SuppressionSettings {
  bool require_reason = false;  // --require-reason
  std::vector<std::string> known_rule_ids;
};

// Marks the findings (all of one file) that `suppressions` waive; returns the
// problems to report (rules unused-suppression and suppression-missing-reason).
std::vector<FileProblem> ApplySuppressions(const std::vector<Suppression>& suppressions,
                                           const SuppressionSettings& settings,
                                           std::vector<Finding*>& findings);

}  // namespace kestra_lint
