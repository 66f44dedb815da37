#include "rules/helm_values_setting_rule.h"

#include <algorithm>
#include <utility>

namespace kestra_lint {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The path inside the chart's values: the starter chart nests them under kestra.
std::string ValuesPath(const std::string& written) {
  static const std::string kStarter = "kestra.";
  return written.rfind(kStarter, 0) == 0 && std::count(written.begin(), written.end(), '.') > 1
             ? written.substr(kStarter.size())
             : written;
}

class HelmValuesSettingRule : public Rule {
 public:
  explicit HelmValuesSettingRule(RuleDefinition definition) : Rule(std::move(definition)) {
    const nlohmann::json& entry = this->definition().entry;
    const nlohmann::json settings = entry.value("settings", nlohmann::json::object());
    for (const auto& [path, replacement] : settings.items()) {
      settings_.emplace_back(path, replacement.get<std::string>());
    }
    if (settings_.empty()) throw std::invalid_argument("HelmValuesSetting needs `settings`");
    const nlohmann::json values = entry.value("values", nlohmann::json::array());
    for (const auto& value : values) {
      values_.push_back(Lower(value.get<std::string>()));
    }
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const PropertyRecord& record : file.chart_subkeys) {
      const std::string path = ValuesPath(record.written);
      for (const auto& [setting, replacement] : settings_) {
        if (path != setting) continue;
        if (!values_.empty() &&
            (!record.has_scalar_value ||
             std::find(values_.begin(), values_.end(), Lower(record.value)) == values_.end())) {
          continue;
        }
        const Span span = values_.empty() ? record.key_span : record.value_span;
        Finding finding = MakeFinding(
            file, span, facts,
            {{"written", record.written}, {"value", record.value}, {"replacement", replacement}},
            &record.value);
        finding.property = record.written;
        finding.origin = record.origin + " > " + record.written;
        out.push_back(std::move(finding));
      }
    }
  }

 private:
  std::vector<std::pair<std::string, std::string>> settings_;
  std::vector<std::string> values_;  // lower case
};

}  // namespace

std::unique_ptr<Rule> MakeHelmValuesSettingRule(RuleDefinition definition) {
  return std::make_unique<HelmValuesSettingRule>(std::move(definition));
}

}  // namespace kestra_lint
