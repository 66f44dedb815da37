// --format github: GitHub Actions workflow commands, one annotation per
// finding, escaped as the Actions toolkit (@actions/core, command.ts) does:
//   ::error file=F,line=L,endLine=L,col=C,endColumn=C,title=T::message
// Severities: error -> error, warning -> warning, info -> notice. Suppressed
// findings are left out. A plain summary line ends the output.
#include <algorithm>

#include "base/markup_escape.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

// escapeData: '%', CR and LF.
std::string EscapeData(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

// Control characters but CR and LF (which escapeData encodes) escaped: a log
// would show them raw.
std::string EscapeOtherControls(const std::string& text) {
  std::string escaped;
  size_t at = 0;
  while (at < text.size()) {
    const size_t line_break = std::min(text.find_first_of("\r\n", at), text.size());
    escaped += EscapeControls(std::string_view(text).substr(at, line_break - at));
    if (line_break < text.size()) escaped += text[line_break];
    at = line_break + 1;
  }
  return escaped;
}

// escapeProperty: escapeData plus ':' and ','.
std::string EscapeProperty(const std::string& text) {
  std::string escaped;
  for (const char c : EscapeData(text)) {
    if (c == ':')
      escaped += "%3A";
    else if (c == ',')
      escaped += "%2C";
    else
      escaped += c;
  }
  return escaped;
}

const char* CommandFor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "error";
}

}  // namespace

void WriteGithub(const Report& report, std::ostream& out) {
  size_t counts[3] = {0, 0, 0};
  for (const Finding& finding : report.result.findings) {
    if (finding.suppressed) continue;
    ++counts[static_cast<int>(finding.severity)];
    std::string message = EscapeOtherControls(finding.message);
    if (!finding.suggestion.empty()) {
      message += "\nSuggestion: " + EscapeOtherControls(finding.suggestion);
    }
    // The toolkit's property order: title, file, line, endLine, col, endColumn.
    out << "::" << CommandFor(finding.severity)
        << " title=" << EscapeProperty("kestra-lint " + finding.rule_id)
        << ",file=" << EscapeProperty(EscapeOtherControls(finding.path)) << ",line=" << finding.line
        << ",endLine=" << finding.end_line << ",col=" << finding.column
        << ",endColumn=" << finding.end_column << "::" << EscapeData(message) << "\n";
  }
  out << "kestra-lint: " << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0]
      << " info(s) in " << report.result.files.size() << " file(s)\n";
}

}  // namespace kestra_lint
