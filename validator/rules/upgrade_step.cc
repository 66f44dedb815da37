#include "rules/upgrade_step.h"

namespace kestra_lint {

const char* UpgradePhaseName(UpgradePhase phase) {
  switch (phase) {
    case UpgradePhase::kPrepare:
      return "prepare";
    case UpgradePhase::kStop:
      return "stop";
    case UpgradePhase::kMigrate:
      return "migrate";
    case UpgradePhase::kStart:
      return "start";
    case UpgradePhase::kVerify:
      return "verify";
  }
  return "prepare";
}

namespace {

UpgradePhase ParsePhase(const std::string& name) {
  for (UpgradePhase phase : {UpgradePhase::kPrepare, UpgradePhase::kStop, UpgradePhase::kMigrate,
                             UpgradePhase::kStart, UpgradePhase::kVerify}) {
    if (name == UpgradePhaseName(phase)) return phase;
  }
  throw std::invalid_argument("unknown upgrade phase '" + name + "'");
}

std::vector<std::string> Strings(const nlohmann::json& step, const char* name) {
  std::vector<std::string> strings;
  for (const auto& item : step.value(name, nlohmann::json::array())) {
    strings.push_back(item.get<std::string>());
  }
  return strings;
}

}  // namespace

std::vector<UpgradeStep> ParseUpgradeSteps(const nlohmann::json& data, const std::string& pack) {
  std::vector<UpgradeStep> steps;
  for (const nlohmann::json& entry : data.value("upgradeSteps", nlohmann::json::array())) {
    UpgradeStep step;
    step.id = entry.at("id").get<std::string>();
    step.pack = pack;
    if (entry.contains("since")) step.since = Version::Parse(entry["since"].get<std::string>());
    const std::string edition = entry.value("edition", "any");
    step.edition = edition == "oss"  ? Edition::kOss
                   : edition == "ee" ? Edition::kEe
                                     : Edition::kUnknown;
    step.phase = ParsePhase(entry.at("phase").get<std::string>());
    step.title = entry.at("title").get<std::string>();
    step.detail = entry.value("detail", "");
    step.commands = Strings(entry, "commands");
    step.resolves = Strings(entry, "resolves");
    step.replaces = Strings(entry, "replaces");
    step.only_with_findings = entry.value("onlyWithFindings", false);
    step.remaining_findings = entry.value("remainingFindings", false);
    step.docs = entry.value("docs", "");
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace kestra_lint
