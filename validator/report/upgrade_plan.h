// `kestra-lint plan`: the ordered steps that take one installation from the
// version it runs to the target version, built from the packs' upgrade steps
// (rules/*.yaml, data.upgradeSteps) and the scan's findings, each step with
// the findings it resolves. One plan per installation in the scan.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "base/version.h"
#include "pipeline/scan.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

// A step's {chart} is the newest release of Kestra's Helm chart that ships
// the target's release line (rules/charts/kestra.tsv).
struct PlanStep {
  UpgradeStep step;                      // its commands with {target} and {chart} filled in
  std::string title;                     // {target} and {chart} filled in
  std::string only_for;                  // "Enterprise" / "open-source" when the edition is unknown
  std::vector<const Finding*> findings;  // what it resolves, in the scan's order
};

// From the installation's running version (Facts::running_version; unknown:
// every release up to the target counts) to its target.
struct UpgradePlan {
  std::string root;  // the installation's folder ("" when it has no config file)
  // What the plan is titled by: the paths given that the installation
  // holds, else its root; a folder name for "." or "..".
  std::string name;
  Facts facts;
  std::vector<PlanStep> steps;
};

// The plans for `result` (one per installation scope), scanned from `paths`
// (as given). `result` must outlive them.
std::vector<UpgradePlan> BuildUpgradePlans(const ScanResult& result, const RuleSet& rules,
                                           const std::vector<std::string>& paths);

using PlanFormatter = void (*)(const std::vector<UpgradePlan>&, std::ostream&);

// Every plan output format by its --format name: text, markdown, json.
const std::map<std::string, PlanFormatter>& PlanFormatters();

void WritePlanText(const std::vector<UpgradePlan>& plans, std::ostream& out);
void WritePlanMarkdown(const std::vector<UpgradePlan>& plans, std::ostream& out);
// One plan as `plan --format json` writes it (and the audit report holds it).
nlohmann::ordered_json PlanJson(const UpgradePlan& plan);

void WritePlanJson(const std::vector<UpgradePlan>& plans, std::ostream& out);

}  // namespace kestra_lint
