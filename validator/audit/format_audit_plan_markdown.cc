// The upgrade plans in the Markdown audit report: per installation, a
// checklist of the numbered steps, commands in code blocks.
#include "audit/audit_plan.h"
#include "base/markup_escape.h"

namespace kestra_lint {
namespace {

std::string MarkdownText(const AuditJson& value) {
  return value.is_string() ? EscapeMarkdown(value.get<std::string>()) : "";
}

void WriteMarkdownStep(const AuditJson& step, std::ostream& out) {
  out << "- [ ] **" << step["number"].get<int>() << ". " << MarkdownText(step["title"]) << "** ("
      << MarkdownText(step["phase"]);
  if (step["since"].is_string()) out << ", Kestra " << MarkdownText(step["since"]);
  if (step["onlyFor"].is_string()) out << ", " << MarkdownText(step["onlyFor"]) << " only";
  out << ")\n";
  if (step["detail"].is_string()) out << "\n  " << MarkdownText(step["detail"]) << "\n";
  if (!step["commands"].empty()) {
    out << "\n  ```sh\n";
    for (const AuditJson& command : step["commands"]) {
      out << "  " << command.get<std::string>() << "\n";
    }
    out << "  ```\n";
  }
  for (const AuditJson& finding : step["findings"]) {
    out << "  - " << MarkdownText(finding["path"]) << ":" << finding["line"].get<int>() << ":"
        << finding["column"].get<int>() << " " << MarkdownText(finding["severity"]) << " "
        << MarkdownText(finding["ruleId"]) << ": " << MarkdownText(finding["message"]) << "\n";
  }
  out << "\n";
}

}  // namespace

void WriteAuditPlansMarkdown(const AuditJson& audit, std::ostream& out) {
  if (!audit.contains("upgradePlans")) return;
  for (const AuditJson& plan : audit["upgradePlans"]) {
    out << "### Upgrade plan: " << MarkdownText(plan["name"]) << "\n\nFrom Kestra "
        << MarkdownText(plan["fromVersionSource"]) << " to Kestra "
        << MarkdownText(plan["targetVersion"]) << ".\n\n";
    if (plan["steps"].empty()) out << "Nothing to do.\n\n";
    for (const AuditJson& step : plan["steps"]) WriteMarkdownStep(step, out);
  }
}

}  // namespace kestra_lint
