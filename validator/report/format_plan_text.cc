// kestra-lint plan --format text: the numbered steps of each installation's
// upgrade, for a terminal.
#include "report/upgrade_plan.h"

namespace kestra_lint {

void WritePlanText(const std::vector<UpgradePlan>& plans, std::ostream& out) {
  bool first = true;
  for (const UpgradePlan& plan : plans) {
    if (!first) out << "\n";
    first = false;
    out << "Upgrade plan";
    if (!plan.name.empty()) out << " for " << plan.name;
    out << "\nFrom: Kestra " << RunningVersionText(plan.facts) << "\n";
    out << "To: Kestra " << plan.facts.target.ToString() << " (" << TargetSourceText(plan.facts)
        << ")\n";
    out << "Edition: " << EditionName(plan.facts.edition) << " (" << EditionSourceText(plan.facts)
        << ")\n";
    if (plan.steps.empty()) out << "\nNothing to do.\n";
    int number = 0;
    for (const PlanStep& step : plan.steps) {
      out << "\n" << ++number << ". [" << UpgradePhaseName(step.step.phase) << "] " << step.title;
      if (step.step.since) out << " (Kestra " << step.step.since->ToString() << ")";
      if (!step.only_for.empty()) out << " (" << step.only_for << " only)";
      out << "\n";
      if (!step.step.detail.empty()) out << "   " << step.step.detail << "\n";
      for (const std::string& command : step.step.commands) out << "   $ " << command << "\n";
      for (const Finding* finding : step.findings) {
        out << "   - " << finding->path << ":" << finding->line << ":" << finding->column << ": "
            << SeverityName(finding->severity) << ": " << finding->message << " ["
            << finding->rule_id << "]\n";
      }
      if (!step.step.docs.empty()) out << "   See " << step.step.docs << "\n";
    }
  }
}

}  // namespace kestra_lint
