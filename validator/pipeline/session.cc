#include "pipeline/session.h"

#include <utility>

namespace kestra_lint {

InstallationSession OpenInstallation(const LintConfig& config, SettingOverrides overrides,
                                     const std::vector<std::string>& extra_packs,
                                     std::shared_ptr<const RuleSet> builtin) {
  InstallationSession session;
  if (config.rule_packs.empty() && extra_packs.empty()) {
    session.rules = builtin ? std::move(builtin) : std::make_shared<RuleSet>(LoadBuiltinRules());
  } else {
    // A RuleSet owns its rules: packs go into a fresh copy of the built-in ones.
    auto rules = std::make_shared<RuleSet>(LoadBuiltinRules());
    for (const std::string& pack : config.rule_packs) LoadRulePackPath(pack, *rules);
    for (const std::string& pack : extra_packs) LoadRulePackPath(pack, *rules);
    session.rules = std::move(rules);
  }
  CheckConfigRuleIds(config, *session.rules);
  overrides.require_reason = overrides.require_reason || config.require_reason.value_or(false);
  session.settings = SettingsFor(config, overrides);
  return session;
}

}  // namespace kestra_lint
