// `kestra-lint plan`: the ordered steps that take one installation from the
// version it runs to the target version, built from the packs' upgrade steps
// (rules/*.yaml, data.upgradeSteps) and the scan's findings, each step with
// the findings it resolves. One plan per installation in the scan.
#pragma once

#include <map>
#include <optional>
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

struct UpgradePlan {
  std::string root;  // the installation's folder ("" when it has no config file)
  Facts facts;
  std::optional<Version> from;  // nullopt: unknown, every release up to the target counts
  std::string from_source;      // "--from-version", or "" when unknown
  std::vector<PlanStep> steps;
};

// The version the installation runs, when the user or the files tell it.
struct RunningVersion {
  std::optional<Version> version;
  std::string source;
};

// The plans for `result` (one per installation scope). `result` must outlive them.
std::vector<UpgradePlan> BuildUpgradePlans(const ScanResult& result, const RuleSet& rules,
                                           const RunningVersion& running);

// "Kestra 0.22.10 (--from-version)" or "an unknown Kestra version".
std::string FromText(const UpgradePlan& plan);

using PlanFormatter = void (*)(const std::vector<UpgradePlan>&, std::ostream&);

// Every plan output format by its --format name: text, markdown, json.
const std::map<std::string, PlanFormatter>& PlanFormatters();

void WritePlanText(const std::vector<UpgradePlan>& plans, std::ostream& out);
void WritePlanMarkdown(const std::vector<UpgradePlan>& plans, std::ostream& out);
void WritePlanJson(const std::vector<UpgradePlan>& plans, std::ostream& out);

}  // namespace kestra_lint
