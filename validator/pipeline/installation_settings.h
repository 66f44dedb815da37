// One installation's settings: its .kestra-lint.yaml merged with what the
// command line (check, fix, audit) or the editor (lsp) says. One function, so
// every command and the language server read a config file the same way.
#pragma once

#include <set>
#include <string>

#include "pipeline/lint_config.h"
#include "pipeline/scan.h"

namespace kestra_lint {

// Settings given outside the config file. Those named in `given` by their
// option ("--edition", "--tenant", "--target-version") beat the file's; the
// others only fill what the file leaves open.
struct SettingOverrides {
  ScanSettings settings;
  std::set<std::string> given;
  bool require_reason = false;
  bool inline_suppressions = true;
};

// The installation's edition, tenant and target version, its rules turned
// off or given another severity, and its include and exclude globs (from the
// config's folder).
InstallationSettings SettingsFor(const LintConfig& config, const SettingOverrides& overrides);

}  // namespace kestra_lint
