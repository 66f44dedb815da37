#include "pipeline/installation_settings.h"

namespace kestra_lint {

InstallationSettings SettingsFor(const LintConfig& config, const SettingOverrides& overrides) {
  auto pick = [&](const char* option, const std::string& given, const std::string& configured) {
    return overrides.given.count(option) || configured.empty() ? given : configured;
  };
  InstallationSettings installation;
  installation.settings.edition = pick("--edition", overrides.settings.edition, config.edition);
  installation.settings.tenant = pick("--tenant", overrides.settings.tenant, config.tenant);
  installation.settings.target_version =
      pick("--target-version", overrides.settings.target_version, config.target_version);
  for (const auto& [id, rule] : config.rules) {
    if (rule.enabled == false) installation.policy.disabled_rules.insert(id);
    if (rule.severity) installation.policy.severities[id] = *rule.severity;
  }
  installation.policy.inline_suppressions = overrides.inline_suppressions;
  installation.policy.require_reason = overrides.require_reason;
  installation.glob_root = config.folder;
  installation.include = config.include;
  installation.exclude = config.exclude;
  return installation;
}

}  // namespace kestra_lint
