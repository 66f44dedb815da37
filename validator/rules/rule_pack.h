// Rule packs: YAML files under rules/ (compiled in) or given with --rules,
// validated against schemas/rule-pack.schema.json, turned into rules of the
// registered types. An invalid pack is a RulePackError with a position.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/upgrade_step.h"

namespace kestra_lint {

struct RulePackInfo {
  std::string id;
  std::string version;
  std::string title;
  std::string sha256;  // of the pack file's bytes
  std::string source;  // "built-in" or the path it was read from
};

class RulePackError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RuleSet {
  std::vector<RulePackInfo> packs;
  std::vector<std::unique_ptr<Rule>> rules;
  std::vector<UpgradeStep> upgrade_steps;  // every pack's, in pack order

  const Rule* Find(std::string_view id) const;
  std::vector<std::string> Ids() const;
};

// Adds the pack in `text` (named `source` in errors) to `rules`. Throws
// RulePackError ("source:line:col: message") when it is invalid or repeats a
// rule id.
void LoadRulePack(std::string_view text, const std::string& source, RuleSet& rules);

// The packs compiled into the binary.
RuleSet LoadBuiltinRules();

// Adds the pack at `path`, or every *.yaml / *.yml pack in it if it is a
// directory, or the preview pack `path` names as kPreviewPackScheme +
// version. Throws RulePackError.
void LoadRulePackPath(const std::string& path, RuleSet& rules);

// Packs of unreleased Kestra versions (rules/preview/, compiled in), loaded
// only when asked for: "preview:2.0" as a pack path (--preview 2.0).
inline constexpr std::string_view kPreviewPackScheme = "preview:";

// The versions with a preview pack, e.g. {"2.0"}.
std::vector<std::string> PreviewVersions();

}  // namespace kestra_lint
