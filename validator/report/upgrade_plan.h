// `kestra-lint plan`: the ordered steps that take one installation from the
// version it runs to the target version, built from the packs' upgrade steps
// (rules/*.yaml, data.upgradeSteps) and the scan's findings, each step with
// the findings it resolves. One plan per installation in the scan.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "base/version.h"
#include "pipeline/scan.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

struct PlanStep {
  UpgradeStep step;
  std::string title;                     // {target} filled in
  std::string only_for;                  // "Enterprise" / "open-source" when the edition is unknown
  std::vector<const Finding*> findings;  // what it resolves, in the scan's order
};

// From the installation's running version (Facts::running_version; unknown:
// every release up to the target counts) to its target.
struct UpgradePlan {
  std::string root;  // the installation's folder ("" when it has no config file)
  Facts facts;
  std::vector<PlanStep> steps;
};

// The plans for `result` (one per installation scope). `result` must outlive them.
std::vector<UpgradePlan> BuildUpgradePlans(const ScanResult& result, const RuleSet& rules);

using PlanFormatter = void (*)(const std::vector<UpgradePlan>&, std::ostream&);

// Every plan output format by its --format name: text, markdown, json.
const std::map<std::string, PlanFormatter>& PlanFormatters();

void WritePlanText(const std::vector<UpgradePlan>& plans, std::ostream& out);
void WritePlanMarkdown(const std::vector<UpgradePlan>& plans, std::ostream& out);
void WritePlanJson(const std::vector<UpgradePlan>& plans, std::ostream& out);

}  // namespace kestra_lint
