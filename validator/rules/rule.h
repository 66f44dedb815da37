// A rule: one entry of a rule pack, checked by the C++ rule type it names.
// The entry's common fields (severity, versions, edition, message, suggestion,
// docs) live in RuleDefinition; each type reads its own properties.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/version.h"
#include "extract/scanned_file.h"
#include "facts/facts.h"
#include "findings/finding.h"

namespace kestra_lint {

// A condition on the facts (and on the value the rule looked at).
struct Condition {
  std::optional<Edition> edition;
  std::optional<bool> fallback_tenant;
  std::optional<bool> tenantless_data;
  std::optional<bool> basic_auth;
  std::optional<std::vector<std::string>> values;  // any of these values (case-insensitive)

  bool Matches(const Facts& facts, const std::string* value) const;
};

template <typename T>
struct Conditional {
  Condition when;
  T then;
};

struct RuleDefinition {
  std::string id;
  std::string type;
  std::string pack;
  std::string title;
  std::string message;  // template: {property}, {written}, {value}, {tenant}, {uri}, ...
  std::vector<Conditional<std::string>> message_when;  // first match replaces `message`
  std::string suggestion;  // template, used when no `suggestions` entry matches
  std::vector<Conditional<std::string>> suggestions;
  Severity severity = Severity::kError;
  std::vector<Conditional<Severity>> severity_when;
  std::optional<Version> since;  // the Kestra version that made the change
  std::optional<Version> until;  // the version from which the rule no longer applies
  // Templates for an installation already past `since` whose key Kestra
  // ignores since then (`alreadyIgnored`): still reported, as info, so a
  // setting that has done nothing for releases is not hidden. Empty: a
  // change behind the running version is not reported.
  std::string already_ignored_message;
  std::string already_ignored_suggestion;
  Edition edition = Edition::kUnknown;  // kUnknown: both editions
  std::string docs;
  nlohmann::json entry;  // the whole rule entry, for the type's own properties
  // The pack's `data`, one copy for all its rules (most of them never read it).
  std::shared_ptr<const nlohmann::json> pack_data;
};

using Substitutions = std::vector<std::pair<std::string, std::string>>;

class Rule {
 public:
  explicit Rule(RuleDefinition definition) : definition_(std::move(definition)) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleDefinition& definition() const { return definition_; }
  const std::string& id() const { return definition_.id; }

  // False when the known edition rules this rule out, or when the change
  // (`since`) is not between the running version and the target.
  bool AppliesTo(const Facts& facts) const;
  // The installation runs `since` or later and the rule reports such keys
  // as already ignored.
  bool AlreadyIgnored(const Facts& facts) const;
  virtual void Check(const ScannedFile& file, const Facts& facts,
                     std::vector<Finding>& out) const = 0;
  // The finding this rule reports for `problem` of `file` (a load problem or
  // a problem with a suppression comment), whatever the rule's type.
  Finding ProblemFinding(const ScannedFile& file, const FileProblem& problem,
                         const Facts& facts) const;

 protected:
  // A finding at `span` with this rule's severity, message and suggestion
  // rendered for `values`; `value` is what the conditions look at.
  Finding MakeFinding(const ScannedFile& file, const Span& span, const Facts& facts,
                      const Substitutions& values, const std::string* value) const;

 private:
  RuleDefinition definition_;
};

// Replaces each {name} in `text` by its value.
std::string RenderTemplate(const std::string& text, const Substitutions& values);

// Builds a rule of one type from its definition; throws std::invalid_argument
// with a message when the type's properties make no sense.
using RuleFactory = std::unique_ptr<Rule> (*)(RuleDefinition);

// Every rule type, by the name packs use in `type:`. Registered in one place.
const std::map<std::string, RuleFactory>& RuleTypes();

}  // namespace kestra_lint
