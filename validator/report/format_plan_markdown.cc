// kestra-lint plan --format markdown: each installation's plan as a
// checklist for a change ticket. Text from scanned files is escaped (see
// EscapeMarkdown), commands go in code blocks.
#include "base/markup_escape.h"
#include "report/upgrade_plan.h"

namespace kestra_lint {

void WritePlanMarkdown(const std::vector<UpgradePlan>& plans, std::ostream& out) {
  bool first = true;
  for (const UpgradePlan& plan : plans) {
    if (!first) out << "\n";
    first = false;
    out << "# Kestra upgrade plan";
    if (!plan.name.empty()) out << ": " << EscapeMarkdown(plan.name);
    out << "\n\n";
    out << "- From: Kestra " << EscapeMarkdown(RunningVersionText(plan.facts)) << "\n";
    out << "- To: Kestra " << plan.facts.target.ToString() << " ("
        << EscapeMarkdown(TargetSourceText(plan.facts)) << ")\n";
    out << "- Edition: " << EditionName(plan.facts.edition) << " ("
        << EscapeMarkdown(EditionSourceText(plan.facts)) << ")\n";
    if (plan.steps.empty()) out << "\nNothing to do.\n";
    int number = 0;
    for (const PlanStep& step : plan.steps) {
      out << "\n## " << ++number << ". " << EscapeMarkdown(step.title) << "\n\n";
      out << "- [ ] Done. Phase: " << UpgradePhaseName(step.step.phase);
      if (step.step.since) out << ", Kestra " << step.step.since->ToString();
      if (!step.only_for.empty()) out << ", " << step.only_for << " only";
      out << "\n";
      if (!step.step.detail.empty()) out << "\n" << EscapeMarkdown(step.step.detail) << "\n";
      if (!step.step.commands.empty()) {
        out << "\n```sh\n";
        for (const std::string& command : step.step.commands) out << command << "\n";
        out << "```\n";
      }
      if (!step.findings.empty()) {
        out << "\nResolves:\n\n";
        for (const Finding* finding : step.findings) {
          out << "- " << EscapeMarkdown(finding->path) << ":" << finding->line << ":"
              << finding->column << " " << SeverityName(finding->severity) << " "
              << finding->rule_id << ": " << EscapeMarkdown(finding->message) << "\n";
        }
      }
      if (!step.step.docs.empty()) out << "\nSee <" << step.step.docs << ">\n";
    }
  }
}

}  // namespace kestra_lint
