#include "rules/helm_values_key_rule.h"

#include <utility>

namespace kestra_lint {
namespace {

class HelmValuesKeyRule : public Rule {
 public:
  explicit HelmValuesKeyRule(RuleDefinition definition) : Rule(std::move(definition)) {
    const nlohmann::json keys = this->definition().entry.value("keys", nlohmann::json::object());
    for (const auto& [key, replacement] : keys.items()) {
      keys_.emplace_back(key, replacement.get<std::string>());
    }
    if (keys_.empty()) throw std::invalid_argument("HelmValuesKey needs `keys`");
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const PropertyRecord& record : file.chart_keys) {
      for (const auto& [key, replacement] : keys_) {
        if (record.spelled != key) continue;
        Finding finding = MakeFinding(
            file, record.key_span, facts,
            {{"written", record.written}, {"key", key}, {"replacement", replacement}}, nullptr);
        finding.property = record.written;
        finding.origin = record.origin + " > " + record.written;
        out.push_back(std::move(finding));
      }
    }
  }

 private:
  std::vector<std::pair<std::string, std::string>> keys_;
};

}  // namespace

std::unique_ptr<Rule> MakeHelmValuesKeyRule(RuleDefinition definition) {
  return std::make_unique<HelmValuesKeyRule>(std::move(definition));
}

}  // namespace kestra_lint
