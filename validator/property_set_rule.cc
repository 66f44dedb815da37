#include "property_set_rule.h"

#include "property_name.h"
#include "rule_properties.h"
#include "secrets.h"

namespace kestra_lint {
namespace {

class PropertySetRule : public Rule {
 public:
  explicit PropertySetRule(RuleDefinition definition) : Rule(std::move(definition)) {
    for (const std::string& property : StringList(this->definition().entry, "properties")) {
      properties_.push_back(CanonicalKey(property));
    }
    if (properties_.empty()) throw std::invalid_argument("PropertySet needs `properties`");
    prefix_ = BoolOr(this->definition().entry, "prefix", false);
    const auto values = this->definition().entry.find("values");
    if (values != this->definition().entry.end()) {
      values_filter_.values = StringList(this->definition().entry, "values");
    }
  }

  void Check(const ScannedFile& file, const Facts& facts, std::vector<Finding>& out) const override {
    for (const PropertyRecord& record : file.properties) {
      for (const std::string& property : properties_) {
        if (!PropertyMatches(record, property, prefix_)) continue;
        if (values_filter_.values &&
            !values_filter_.Matches(facts, record.has_scalar_value ? &record.value : nullptr)) {
          continue;
        }
        const bool secret = IsSecretName(record.key);
        const std::string value = secret ? std::string(kMask) : record.value;
        const std::string written = record.written.empty() ? record.spelled : record.written;
        Finding finding = MakeFinding(
            file, record.key_span, facts,
            {{"property", property}, {"written", written}, {"value", value}, {"key", record.key}},
            record.has_scalar_value ? &record.value : nullptr);
        finding.property = prefix_ ? record.key : property;
        finding.origin = record.origin.empty() ? "" : record.origin + " > " + written;
        out.push_back(std::move(finding));
        break;
      }
    }
  }

 private:
  std::vector<std::string> properties_;
  bool prefix_ = false;
  Condition values_filter_;
};

}  // namespace

std::unique_ptr<Rule> MakePropertySetRule(RuleDefinition definition) {
  return std::make_unique<PropertySetRule>(std::move(definition));
}

}  // namespace kestra_lint
