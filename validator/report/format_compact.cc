// --format compact: one line per finding for editors' problem matchers:
//   path:line:col: severity: message [rule-id]
// Line breaks in a message become spaces and other control characters are
// escaped, and a path with control characters is quoted, so every finding
// stays one line and no text can forge another.
// Suppressed findings are left out: editors show what is still to do.
#include "base/markup_escape.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

std::string OneLine(const std::string& text) {
  std::string line;
  line.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    line += text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
  }
  return line;
}

}  // namespace

void WriteCompact(const Report& report, std::ostream& out) {
  for (const Finding& finding : report.result.findings) {
    if (finding.suppressed) continue;
    out << DisplayPath(finding.path) << ":" << finding.line << ":" << finding.column << ": "
        << SeverityName(finding.severity) << ": " << EscapeControls(OneLine(finding.message))
        << " [" << finding.rule_id << "]\n";
  }
}

}  // namespace kestra_lint
