// kestra-lint plan --format json: each installation's plan, with the
// fingerprints of the findings each step resolves, for tools.
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/upgrade_plan.h"

namespace kestra_lint {

nlohmann::ordered_json PlanJson(const UpgradePlan& plan) {
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  int number = 0;
  for (const PlanStep& step : plan.steps) {
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Finding* finding : step.findings) {
      findings.push_back({{"ruleId", finding->rule_id},
                          {"severity", SeverityName(finding->severity)},
                          {"message", finding->message},
                          {"path", finding->path},
                          {"line", finding->line},
                          {"column", finding->column},
                          {"since", NullableString(finding->since)},
                          {"fingerprint", finding->fingerprint}});
    }
    steps.push_back({{"number", ++number},
                     {"id", step.step.id},
                     {"pack", step.step.pack},
                     {"since", step.step.since ? nlohmann::ordered_json(step.step.since->ToString())
                                               : nlohmann::ordered_json(nullptr)},
                     {"phase", UpgradePhaseName(step.step.phase)},
                     {"onlyFor", NullableString(step.only_for)},
                     {"title", step.title},
                     {"detail", NullableString(step.step.detail)},
                     {"commands", step.step.commands},
                     {"docs", NullableString(step.step.docs)},
                     {"findings", std::move(findings)}});
  }
  return {{"name", plan.name},
          {"root", plan.root},
          {"edition", EditionName(plan.facts.edition)},
          {"editionSource", EditionSourceText(plan.facts)},
          {"fromVersion", plan.facts.running_version
                              ? nlohmann::ordered_json(plan.facts.running_version->ToString())
                              : nlohmann::ordered_json(nullptr)},
          {"fromVersionSource", RunningVersionText(plan.facts)},
          {"targetVersion", plan.facts.target.ToString()},
          {"targetVersionSource", TargetSourceText(plan.facts)},
          {"steps", std::move(steps)}};
}

void WritePlanJson(const std::vector<UpgradePlan>& plans, std::ostream& out) {
  nlohmann::ordered_json json;
  json["schemaVersion"] = 1;
  json["tool"] = {{"name", "kestra-lint"}, {"version", ToolVersion()}};
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const UpgradePlan& plan : plans) list.push_back(PlanJson(plan));
  json["plans"] = std::move(list);
  out << json.dump(2) << "\n";
}

}  // namespace kestra_lint
