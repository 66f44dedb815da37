#include "pipeline/installation_settings.h"

namespace kestra_lint {

InstallationSettings SettingsFor(const LintConfig& config, const SettingOverrides& overrides) {
  const ScanSettings& given = overrides.settings;
  auto beats_config = [&](const char* option) { return overrides.given.count(option) != 0; };
  InstallationSettings installation;
  installation.settings.edition =
      beats_config("--edition") || !config.edition ? given.edition : *config.edition;
  installation.settings.tenant =
      beats_config("--tenant") || config.tenant.empty() ? given.tenant : config.tenant;
  installation.settings.target_version = beats_config("--target-version") || !config.target_version
                                             ? given.target_version
                                             : config.target_version;
  installation.settings.from_version = beats_config("--from-version") || !config.from_version
                                           ? given.from_version
                                           : config.from_version;
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
