#include "rules/helm_values_key_rule.h"

#include <algorithm>
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
    messages_ = this->definition().entry.value("messages", nlohmann::json::object());
    for (const nlohmann::json& key :
         this->definition().entry.value("reportedWhenEmpty", nlohmann::json::array())) {
      reported_when_empty_.push_back(key.get<std::string>());
    }
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const PropertyRecord& record : file.chart_keys) {
      for (const auto& [key, replacement] : keys_) {
        if (record.spelled != key) continue;
        if (HoldsNothing(record) &&
            std::find(reported_when_empty_.begin(), reported_when_empty_.end(), key) ==
                reported_when_empty_.end()) {
          continue;
        }
        const Substitutions values = {
            {"written", record.written}, {"key", key}, {"replacement", replacement}};
        Finding finding = MakeFinding(file, record.key_span, facts, values, nullptr);
        if (messages_.contains(key)) {
          finding.message = RenderTemplate(messages_[key].get<std::string>(), values);
        }
        finding.property = record.written;
        finding.origin = record.origin + " > " + record.written;
        out.push_back(std::move(finding));
      }
    }
  }

 private:
  // An empty string, map or list: no setting to carry over.
  static bool HoldsNothing(const PropertyRecord& record) {
    if (record.has_scalar_value) return record.value.empty();
    return record.value == "{}" || record.value == "[]";
  }

  std::vector<std::pair<std::string, std::string>> keys_;
  nlohmann::json messages_;  // per key, when what happens to it differs
  std::vector<std::string> reported_when_empty_;
};

}  // namespace

std::unique_ptr<Rule> MakeHelmValuesKeyRule(RuleDefinition definition) {
  return std::make_unique<HelmValuesKeyRule>(std::move(definition));
}

}  // namespace kestra_lint
