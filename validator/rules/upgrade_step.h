// The steps of an upgrade, as data: each pack's data.upgradeSteps. A step
// belongs to the release that made it necessary (`since`; none: every
// upgrade) and to a phase of the upgrade, and names the rules whose findings
// it resolves. `kestra-lint plan` orders and selects them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/version.h"
#include "extract/edition.h"

namespace kestra_lint {

// In the order an upgrade goes through them.
enum class UpgradePhase {
  kPrepare,  // edit files while the old version runs
  kStop,     // before any migration: back up, stop, move bundled data
  kMigrate,  // with the target version's image, servers stopped
  kStart,    // deploy and start the target version
  kVerify,   // checks once it runs
};

// "prepare", "stop", "migrate", "start", "verify".
const char* UpgradePhaseName(UpgradePhase phase);

struct UpgradeStep {
  std::string id;
  std::string pack;
  std::optional<Version> since;
  Edition edition = Edition::kUnknown;  // kUnknown: both editions
  UpgradePhase phase = UpgradePhase::kPrepare;
  std::string title;  // may name {target}
  std::string detail;
  std::vector<std::string> commands;  // in order: a dry run before the real one
  std::vector<std::string> resolves;  // rule ids
  bool only_with_findings = false;    // only when a rule it resolves found something
  bool remaining_findings = false;    // resolves the findings no other step resolves
  // Steps (ids) this one does instead, when it is in the plan: a Helm
  // release upgrade is how such an installation deploys.
  std::vector<std::string> replaces;
  std::string docs;
};

// The steps of a pack's `data` (already valid against the pack schema).
std::vector<UpgradeStep> ParseUpgradeSteps(const nlohmann::json& data, const std::string& pack);

}  // namespace kestra_lint
