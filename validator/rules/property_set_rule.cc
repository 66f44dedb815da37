#include "rules/property_set_rule.h"

#include <algorithm>

#include "base/secrets.h"
#include "edits/tenant_key_fix.h"
#include "extract/property_name.h"
#include "rules/rule_properties.h"

namespace kestra_lint {
namespace {

// Relaxed binding splits environment variable names at '_' only: the
// variable binds when its words are the property's words.
bool BindsByWords(const std::string& environment_key, const std::string& property) {
  std::string words = property;
  for (char& c : words) {
    if (c == '-') c = '.';
  }
  return words == environment_key;
}

class PropertySetRule : public Rule {
 public:
  explicit PropertySetRule(RuleDefinition definition) : Rule(std::move(definition)) {
    for (const std::string& property : StringList(this->definition().entry, "properties")) {
      properties_.push_back(CanonicalKey(property));
    }
    if (properties_.empty()) throw std::invalid_argument("PropertySet needs `properties`");
    fix_removed_tenant_key_ = StringOr(this->definition().entry, "fix", "") == "removedTenantKey";
    prefix_ = BoolOr(this->definition().entry, "prefix", false);
    const auto values = this->definition().entry.find("values");
    if (values != this->definition().entry.end()) {
      values_filter_.values = StringList(this->definition().entry, "values");
    }
    if (this->definition().entry.contains("unlessValues")) {
      unless_values_ = StringList(this->definition().entry, "unlessValues");
    }
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    std::vector<std::vector<TextEdit>> fixes;  // computed for the file when first needed
    for (const PropertyRecord& record : file.properties) {
      const std::string* matched = Matched(record);
      if (matched == nullptr) continue;
      const std::string& property = *matched;
      const bool secret = IsSecretName(record.key);
      const std::string value = secret ? std::string(kMask) : record.value;
      const std::string written = record.written.empty() ? record.spelled : record.written;
      Finding finding = MakeFinding(
          file, record.key_span, facts,
          {{"property", property}, {"written", written}, {"value", value}, {"key", record.key}},
          record.has_scalar_value ? &record.value : nullptr);
      if (record.source == PropertyRecord::Source::kEnvironment &&
          !BindsByWords(record.key, property)) {
        finding.message += " (as spelled, '" + record.spelled +
                           "' probably never bound: Micronaut reads it as '" + record.key +
                           "', but it shows the intent)";
      }
      finding.property = prefix_ ? record.key : property;
      finding.origin = record.origin.empty() ? "" : record.origin + " > " + written;
      if (fix_removed_tenant_key_) {
        if (fixes.empty()) fixes = RemovedTenantKeyFixes(file, facts);
        finding.fix = std::move(fixes[&record - file.properties.data()]);
      }
      out.push_back(std::move(finding));
    }
  }

 private:
  // The first of the rule's properties that `record` sets, with a value the
  // `values` filter takes and `unlessValues` does not list, or nullptr. The
  // filter reads no facts.
  const std::string* Matched(const PropertyRecord& record) const {
    if (record.has_scalar_value && std::find(unless_values_.begin(), unless_values_.end(),
                                             record.value) != unless_values_.end()) {
      return nullptr;
    }
    for (const std::string& property : properties_) {
      if (!PropertyMatches(record, property, prefix_)) continue;
      if (values_filter_.values &&
          !values_filter_.Matches(Facts(), record.has_scalar_value ? &record.value : nullptr)) {
        continue;
      }
      return &property;
    }
    return nullptr;
  }

  std::vector<std::string> properties_;
  bool prefix_ = false;
  bool fix_removed_tenant_key_ = false;
  Condition values_filter_;
  std::vector<std::string> unless_values_;  // values another rule reports instead
};

}  // namespace

std::unique_ptr<Rule> MakePropertySetRule(RuleDefinition definition) {
  return std::make_unique<PropertySetRule>(std::move(definition));
}

}  // namespace kestra_lint
