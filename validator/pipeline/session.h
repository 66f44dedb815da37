// What check, fix, audit and the language server know about an installation
// before they scan it: the rules (the built-in ones plus the packs its
// .kestra-lint.yaml names) and its settings (SettingsFor). One function for
// the terminal and the editor, so both read a config the same way.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/installation_settings.h"
#include "pipeline/lint_config.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

struct InstallationSession {
  std::shared_ptr<const RuleSet> rules;
  InstallationSettings settings;
};

// The rules: `builtin` (loaded when null), then the packs `config` names
// (rulePacks), then `extra_packs`; `builtin` itself when neither adds one.
// The settings: SettingsFor(config, overrides), where the config's
// requireReason also turns the check on. Throws ConfigError for a rule id
// the config names that the rules do not know, and RulePackError.
InstallationSession OpenInstallation(const LintConfig& config, SettingOverrides overrides,
                                     const std::vector<std::string>& extra_packs,
                                     std::shared_ptr<const RuleSet> builtin);

}  // namespace kestra_lint
