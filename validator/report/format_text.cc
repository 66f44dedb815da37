// --format text: what a person reads in a terminal, compiler style:
//   path:line:col: severity: message [rule-id]
//      12 |     defaultTenant: true
//         |     ^~~~~~~~~~~~~
//     suggestion: ...
#include <algorithm>

#include "base/markup_escape.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

constexpr char kReset[] = "\033[0m";
constexpr char kBold[] = "\033[1m";

const char* SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\033[1;31m";
    case Severity::kWarning:
      return "\033[1;33m";
    case Severity::kInfo:
      return "\033[1;36m";
  }
  return "";
}

// Spaces up to the column, keeping the line's tabs so the caret lines up.
std::string CaretPadding(const std::string& line, int column) {
  std::string padding;
  int seen = 0;
  for (size_t i = 0; i < line.size() && seen < column - 1; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte of the same character
    padding += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  return padding;
}

constexpr size_t kInstallationsDescribed = 3;

std::string Plural(size_t count, const char* word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

}  // namespace

void WriteText(const Report& report, std::ostream& out) {
  const bool color = report.color;
  size_t counts[3] = {0, 0, 0};
  size_t suppressed = 0;
  for (const Finding& finding : report.result.findings) {
    // Waived findings are counted, not shown: --format json lists them.
    if (finding.suppressed) {
      ++suppressed;
      continue;
    }
    ++counts[static_cast<int>(finding.severity)];
    if (color) out << kBold;
    out << DisplayPath(finding.path) << ":" << finding.line << ":" << finding.column << ":";
    if (color)
      out << kReset << " " << SeverityColor(finding.severity);
    else
      out << " ";
    out << SeverityName(finding.severity) << ":";
    if (color) out << kReset;
    out << " " << EscapeControls(finding.message) << " [" << finding.rule_id << "]\n";
    if (!finding.source_line.empty()) {
      const std::string number = std::to_string(finding.line);
      const std::string gutter(number.size(), ' ');
      out << " " << number << " | " << finding.source_line << "\n";
      const int width = std::max(finding.source_caret_width, 1);
      out << " " << gutter << " | "
          << CaretPadding(finding.source_line, std::max(finding.source_caret_column, 1));
      if (color) out << SeverityColor(finding.severity);
      out << "^" << std::string(static_cast<size_t>(width - 1), '~');
      if (color) out << kReset;
      out << "\n";
    }
    if (!finding.suggestion.empty())
      out << "  suggestion: " << EscapeControls(finding.suggestion) << "\n";
    if (!finding.origin.empty()) out << "  origin: " << EscapeControls(finding.origin) << "\n";
  }
  if (counts[0] + counts[1] + counts[2] > 0) out << "\n";
  out << Plural(counts[2], "error") << ", " << Plural(counts[1], "warning") << ", "
      << Plural(counts[0], "info");
  if (suppressed > 0) out << ", " << suppressed << " suppressed";
  out << " in " << Plural(report.result.files.size(), "file") << "\n";
  // A few installations are described one by one; many only by count (the
  // JSON output lists each).
  const std::vector<InstallationScope>& scopes = report.result.scopes;
  if (scopes.size() <= kInstallationsDescribed) {
    for (const InstallationScope& scope : scopes) {
      out << (scope.root.empty() ? "" : DisplayPath(scope.root) + ": ") << "edition "
          << EditionName(scope.facts.edition) << " (" << EditionSourceText(scope.facts)
          << "), target Kestra " << scope.facts.target.ToString() << ", current Kestra "
          << RunningVersionText(scope.facts) << "\n";
    }
    return;
  }
  size_t editions[3] = {0, 0, 0};
  for (const InstallationScope& scope : scopes) ++editions[static_cast<int>(scope.facts.edition)];
  out << scopes.size() << " installations (folders with a .kestra-lint.yaml): "
      << editions[static_cast<int>(Edition::kEe)] << " Enterprise, "
      << editions[static_cast<int>(Edition::kOss)] << " open-source, "
      << editions[static_cast<int>(Edition::kUnknown)] << " edition unknown; target Kestra "
      << scopes.front().facts.target.ToString() << "; --format json lists them\n";
}

}  // namespace kestra_lint
