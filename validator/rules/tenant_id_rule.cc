#include "rules/tenant_id_rule.h"

#include "extract/property_name.h"
#include "facts/tenant_id.h"
#include "rules/rule_properties.h"

namespace kestra_lint {
namespace {

bool IsTemplated(std::string_view value) {
  return value.find("${") != std::string_view::npos || value.find("{{") != std::string_view::npos;
}

class TenantIdRule : public Rule {
 public:
  explicit TenantIdRule(RuleDefinition definition) : Rule(std::move(definition)) {
    const nlohmann::json& entry = this->definition().entry;
    for (const std::string& property : StringList(entry, "properties")) {
      properties_.push_back(CanonicalKey(property));
    }
    if (properties_.empty()) throw std::invalid_argument("TenantIdValue needs `properties`");
    const nlohmann::json messages = entry.value("messages", nlohmann::json::object());
    empty_message_ = StringOr(messages, "empty", this->definition().message);
    invalid_message_ = StringOr(messages, "invalid", this->definition().message);
    oss_message_ = StringOr(messages, "oss", this->definition().message);
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const PropertyRecord& record : file.properties) {
      if (!NamesProperty(record)) continue;
      const std::string* problem = nullptr;
      Span span = record.value_span;
      if (facts.edition == Edition::kOss) {
        problem = &oss_message_;
        span = record.key_span;
      } else if (!record.has_scalar_value || record.value.empty()) {
        problem = &empty_message_;
        span = record.key_span;
      } else if (!IsTemplated(record.value) && !IsValidTenantId(record.value)) {
        problem = &invalid_message_;
      }
      if (problem == nullptr) continue;
      const std::string written = record.written.empty() ? record.spelled : record.written;
      Finding finding = MakeFinding(
          file, span, facts,
          {{"property", record.key}, {"written", written}, {"value", record.value}}, &record.value);
      finding.message = RenderTemplate(
          *problem, {{"property", record.key}, {"written", written}, {"value", record.value}});
      finding.property = record.key;
      finding.origin = record.origin.empty() ? "" : record.origin + " > " + written;
      out.push_back(std::move(finding));
    }
  }

 private:
  bool NamesProperty(const PropertyRecord& record) const {
    for (const std::string& property : properties_) {
      if (PropertyMatches(record, property, false)) return true;
    }
    return false;
  }

  std::vector<std::string> properties_;
  std::string empty_message_;
  std::string invalid_message_;
  std::string oss_message_;
};

}  // namespace

std::unique_ptr<Rule> MakeTenantIdRule(RuleDefinition definition) {
  return std::make_unique<TenantIdRule>(std::move(definition));
}

}  // namespace kestra_lint
