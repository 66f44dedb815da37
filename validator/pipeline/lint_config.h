// The team's settings file, .kestra-lint.yaml: found by walking up from the
// first scanned path, or given with --config; validated against
// schemas/config.schema.json. Command-line options override it. A mistake is
// a ConfigError "path:line:col: message" (exit 2).
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/source_text.h"
#include "discover/installation.h"
#include "facts/facts.h"
#include "findings/finding.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

struct ConfigProblem {
  Position at;  // line 0: the whole file
  std::string message;
};

// what(): one line "path:line:col: message" (or "path: message" for a
// mistake about the whole file) per mistake; every mistake of a file comes
// at once. The parts stay apart for the language server, which shows each
// message at its place in the file.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(const std::string& path, Position at, const std::string& message);
  ConfigError(const std::string& path, std::vector<ConfigProblem> problems);  // not empty
  const Position& at() const { return problems_.front().at; }
  const std::string& message() const { return problems_.front().message; }
  const std::vector<ConfigProblem>& problems() const { return problems_; }

 private:
  std::vector<ConfigProblem> problems_;
};

struct RuleConfig {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  Position at;  // of the rule id, for errors
};

struct LintConfig {
  std::string path;    // the file; "" when there is none
  std::string folder;  // its folder: globs and relative paths start there
  std::map<std::string, RuleConfig> rules;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::optional<RequestedEdition> edition;
  std::string tenant;
  std::optional<Version> target_version;
  std::optional<Version> from_version;
  std::string fail_on;
  std::vector<std::string> rule_packs;  // relative to `folder` already resolved
  std::optional<bool> require_reason;
  std::string baseline;  // resolved like rule_packs
};

// Parses the config in `text`, read from `path`. Throws ConfigError.
LintConfig ParseConfig(const std::string& text, const std::string& path);

// Reads and parses the file at `path`. Throws ConfigError.
LintConfig LoadConfigFile(const std::string& path);

// Throws ConfigError for a rule id that `rules` does not know, with the
// closest known id.
void CheckConfigRuleIds(const LintConfig& config, const RuleSet& rules);

}  // namespace kestra_lint
