// --format junit: JUnit XML as CI test-report widgets read it (GitLab,
// Jenkins, Azure, GitHub test-reporter actions). One <testsuite> per file;
// each finding is a failing <testcase> (failure type = severity), a
// suppressed finding a skipped one, and a clean file one passing testcase.
// Messages go in attributes (escaped), details in CDATA.
#include <sstream>
#include <vector>

#include "base/markup_escape.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

struct SuiteCounts {
  size_t tests = 0;
  size_t failures = 0;
  size_t skipped = 0;
};

SuiteCounts CountsOf(const FileFindings& file) {
  SuiteCounts counts;
  counts.tests = file.begin == file.end ? 1 : static_cast<size_t>(file.end - file.begin);
  for (const Finding* finding = file.begin; finding != file.end; ++finding) {
    if (finding->suppressed)
      ++counts.skipped;
    else
      ++counts.failures;
  }
  return counts;
}

void WriteCountAttributes(const SuiteCounts& counts, std::ostream& out) {
  out << " tests=\"" << counts.tests << "\" failures=\"" << counts.failures
      << "\" errors=\"0\" skipped=\"" << counts.skipped << "\"";
}

std::string Details(const Finding& finding) {
  std::ostringstream text;
  text << finding.path << ":" << finding.line << ":" << finding.column << ": "
       << SeverityName(finding.severity) << ": " << finding.message << " [" << finding.rule_id
       << "]\n";
  if (!finding.source_line.empty())
    text << "  " << finding.line << " | " << finding.source_line << "\n";
  if (!finding.suggestion.empty()) text << "suggestion: " << finding.suggestion << "\n";
  if (!finding.origin.empty()) text << "origin: " << finding.origin << "\n";
  if (!finding.docs_url.empty()) text << "docs: " << finding.docs_url << "\n";
  return text.str();
}

void WriteTestcase(const Finding& finding, std::ostream& out) {
  out << "    <testcase name=\""
      << EscapeMarkup(finding.rule_id + " at " + std::to_string(finding.line) + ":" +
                      std::to_string(finding.column))
      << "\" classname=\"" << EscapeMarkup(finding.path) << "\">\n";
  if (finding.suppressed) {
    std::string why = "suppressed (" + finding.suppression_kind + ")";
    if (!finding.suppression_reason.empty()) why += ": " + finding.suppression_reason;
    out << "      <skipped message=\"" << EscapeMarkup(why) << "\"/>\n";
  } else {
    out << "      <failure message=\"" << EscapeMarkup(finding.message) << "\" type=\""
        << SeverityName(finding.severity) << "\">" << XmlCData(Details(finding)) << "</failure>\n";
  }
  out << "    </testcase>\n";
}

}  // namespace

void WriteJunit(const Report& report, std::ostream& out) {
  const std::vector<FileFindings> files = FindingsByFile(report.result);
  SuiteCounts total;
  for (const FileFindings& file : files) {
    const SuiteCounts counts = CountsOf(file);
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.skipped += counts.skipped;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kestra-lint\"";
  WriteCountAttributes(total, out);
  out << ">\n";
  for (const FileFindings& file : files) {
    out << "  <testsuite name=\"" << EscapeMarkup(*file.path) << "\"";
    WriteCountAttributes(CountsOf(file), out);
    out << ">\n";
    if (file.begin == file.end) {
      out << "    <testcase name=\"kestra-lint\" classname=\"" << EscapeMarkup(*file.path)
          << "\"/>\n";
    }
    for (const Finding* finding = file.begin; finding != file.end; ++finding) {
      WriteTestcase(*finding, out);
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace kestra_lint
