// The upgrade plans in the HTML audit report: per installation, where it
// starts and ends, then the numbered steps with their commands and the
// findings each resolves.
#include "audit/audit_plan.h"
#include "base/markup_escape.h"

namespace kestra_lint {
namespace {

std::string HtmlText(const AuditJson& value) {
  return value.is_string() ? EscapeMarkup(value.get<std::string>()) : "";
}

void WriteHtmlStep(const AuditJson& step, std::ostream& out) {
  out << "<li><strong>" << HtmlText(step["title"]) << "</strong> <span class=\"phase\">["
      << HtmlText(step["phase"]) << "]";
  if (step["since"].is_string()) out << " Kestra " << HtmlText(step["since"]);
  if (step["onlyFor"].is_string()) out << ", " << HtmlText(step["onlyFor"]) << " only";
  out << "</span>\n";
  if (step["detail"].is_string()) out << "<p>" << HtmlText(step["detail"]) << "</p>\n";
  if (!step["commands"].empty()) {
    out << "<pre>";
    for (const AuditJson& command : step["commands"]) out << "$ " << HtmlText(command) << "\n";
    out << "</pre>\n";
  }
  if (!step["findings"].empty()) {
    out << "<ul>\n";
    for (const AuditJson& finding : step["findings"]) {
      out << "<li class=\"" << HtmlText(finding["severity"]) << "\"><code>"
          << HtmlText(finding["path"]) << ":" << finding["line"].get<int>() << ":"
          << finding["column"].get<int>() << "</code> " << HtmlText(finding["message"]) << " ["
          << HtmlText(finding["ruleId"]) << "]</li>\n";
    }
    out << "</ul>\n";
  }
  // As text: the page links to nothing (docs/output-formats.md).
  if (step["docs"].is_string()) out << "<p>See " << HtmlText(step["docs"]) << "</p>\n";
  out << "</li>\n";
}

}  // namespace

void WriteAuditPlansHtml(const AuditJson& audit, std::ostream& out) {
  if (!audit.contains("upgradePlans")) return;
  out << "<section id=\"upgrade-plan\">\n<h2>Upgrade plan</h2>\n";
  for (const AuditJson& plan : audit["upgradePlans"]) {
    out << "<h3>" << HtmlText(plan["name"]) << "</h3>\n<table>\n<tr><th>From</th><td>Kestra "
        << HtmlText(plan["fromVersionSource"]) << "</td></tr>\n<tr><th>To</th><td>Kestra "
        << HtmlText(plan["targetVersion"]) << " (" << HtmlText(plan["targetVersionSource"])
        << ")</td></tr>\n</table>\n";
    if (plan["steps"].empty()) {
      out << "<p>Nothing to do.</p>\n";
      continue;
    }
    out << "<ol>\n";
    for (const AuditJson& step : plan["steps"]) WriteHtmlStep(step, out);
    out << "</ol>\n";
  }
  out << "</section>\n";
}

}  // namespace kestra_lint
