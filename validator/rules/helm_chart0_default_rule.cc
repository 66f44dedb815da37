#include "rules/helm_chart0_default_rule.h"

#include <utility>

namespace kestra_lint {
namespace {

class HelmChart0DefaultRule : public Rule {
 public:
  explicit HelmChart0DefaultRule(RuleDefinition definition) : Rule(std::move(definition)) {
    const nlohmann::json& entry = this->definition().entry;
    anchor_ = entry.value("anchor", "");
    const nlohmann::json defaults = entry.value("defaults", nlohmann::json::object());
    for (const auto& [path, service] : defaults.items()) {
      defaults_.emplace_back(path, service.get<std::string>());
    }
    if (anchor_.empty() || defaults_.empty()) {
      throw std::invalid_argument("HelmChart0Default needs `anchor` and `defaults`");
    }
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const PropertyRecord& anchor : file.chart_subkeys) {
      if (!IsPath(anchor, anchor_)) continue;
      const std::string prefix = anchor.written.substr(0, anchor.written.size() - anchor_.size());
      for (const auto& [path, service] : defaults_) {
        if (IsSet(file, prefix + path)) continue;
        Finding finding = MakeFinding(
            file, anchor.key_span, facts,
            {{"written", anchor.written}, {"setting", path}, {"service", service}}, nullptr);
        finding.property = prefix + path;
        finding.origin = anchor.origin + " > " + anchor.written;
        out.push_back(std::move(finding));
      }
    }
  }

 private:
  // `record` is `path` of the values, at the root or under the starter chart's kestra:.
  static bool IsPath(const PropertyRecord& record, const std::string& path) {
    return record.written == path || record.written == "kestra." + path;
  }

  static bool IsSet(const ScannedFile& file, const std::string& written) {
    for (const PropertyRecord& record : file.chart_subkeys) {
      if (record.written == written) return true;
    }
    return false;
  }

  std::string anchor_;
  std::vector<std::pair<std::string, std::string>> defaults_;  // path, what it turned on
};

}  // namespace

std::unique_ptr<Rule> MakeHelmChart0DefaultRule(RuleDefinition definition) {
  return std::make_unique<HelmChart0DefaultRule>(std::move(definition));
}

}  // namespace kestra_lint
