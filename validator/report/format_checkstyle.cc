// --format checkstyle: Checkstyle 4.3 XML, which Jenkins (warnings-ng),
// reviewdog and many editors read. One <file> per scanned file (clean files
// as empty elements), one <error> per finding with severity error, warning
// or info and source "kestra-lint.<rule-id>". Suppressed findings are left out.
#include <algorithm>

#include "base/markup_escape.h"
#include "report/report.h"

namespace kestra_lint {

void WriteCheckstyle(const Report& report, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const FileFindings& file : FindingsByFile(report.result)) {
    const bool reported = std::any_of(file.begin, file.end,
                                      [](const Finding& finding) { return !finding.suppressed; });
    if (!reported && !file.scanned) continue;
    out << "  <file name=\"" << EscapeMarkup(*file.path) << "\"";
    if (!reported) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    for (const Finding* finding = file.begin; finding != file.end; ++finding) {
      if (finding->suppressed) continue;
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
