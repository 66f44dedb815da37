// The upgrade plans in the Markdown audit report: per installation, a
// checklist of the numbered steps, commands in code blocks.
#include "audit/audit_plan.h"
#include "base/markup_escape.h"

namespace kestra_lint {
namespace {

std::string Text(const AuditJson& value) {
  return value.is_string() ? EscapeMarkdown(value.get<std::string>()) : "";
}

void WriteStep(const AuditJson& step, std::ostream& out) {
  out << "- [ ] **" << step["number"].get<int>() << ". " << Text(step["title"]) << "** ("
      << Text(step["phase"]);
  if (step["since"].is_string()) out << ", Kestra " << Text(step["since"]);
  if (step["onlyFor"].is_string()) out << ", " << Text(step["onlyFor"]) << " only";
  out << ")\n";
  if (step["detail"].is_string()) out << "\n  " << Text(step["detail"]) << "\n";
  if (!step["commands"].empty()) {
    out << "\n  ```sh\n";
    for (const AuditJson& command : step["commands"]) {
      out << "  " << command.get<std::string>() << "\n";
    }
    out << "  ```\n";
  }
  for (const AuditJson& finding : step["findings"]) {
    out << "  - " << Text(finding["path"]) << ":" << finding["line"].get<int>() << ":"
        << finding["column"].get<int>() << " " << Text(finding["severity"]) << " "
        << Text(finding["ruleId"]) << ": " << Text(finding["message"]) << "\n";
  }
  out << "\n";
}

}  // namespace

void WriteAuditPlansMarkdown(const AuditJson& audit, std::ostream& out) {
  if (!audit.contains("upgradePlans")) return;
  for (const AuditJson& plan : audit["upgradePlans"]) {
    out << "### Upgrade plan: " << Text(plan["name"]) << "\n\nFrom Kestra "
        << Text(plan["fromVersionSource"]) << " to Kestra " << Text(plan["targetVersion"])
        << ".\n\n";
    if (plan["steps"].empty()) out << "Nothing to do.\n\n";
    for (const AuditJson& step : plan["steps"]) WriteStep(step, out);
  }
}

}  // namespace kestra_lint
