// --format checkstyle: Checkstyle 4.3 XML, which Jenkins (warnings-ng),
// reviewdog and many editors read. One <file> per scanned file (clean files
// as empty elements), one <error> per finding with severity error, warning
// or info and source "kestra-lint.<rule-id>". Suppressed findings are left out.
#include <map>
#include <vector>

#include "base/markup_escape.h"
#include "report/report.h"

namespace kestra_lint {

void WriteCheckstyle(const Report& report, std::ostream& out) {
  std::map<std::string, std::vector<const Finding*>> by_path;
  for (const ScannedFileSummary& file : report.result.files) by_path[file.path];
  for (const Finding& finding : report.result.findings) {
    if (!finding.suppressed) by_path[finding.path].push_back(&finding);
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const auto& [path, findings] : by_path) {
    out << "  <file name=\"" << EscapeMarkup(path) << "\"";
    if (findings.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    for (const Finding* finding : findings) {
      out << "    <error line=\"" << finding->line << "\" column=\"" << finding->column
          << "\" severity=\"" << SeverityName(finding->severity) << "\" message=\""
          << EscapeMarkup(finding->message) << "\" source=\"kestra-lint."
          << EscapeMarkup(finding->rule_id) << "\"/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

}  // namespace kestra_lint
