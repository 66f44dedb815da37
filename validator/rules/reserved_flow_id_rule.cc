#include "rules/reserved_flow_id_rule.h"

#include <algorithm>
#include <utility>

namespace kestra_lint {
namespace {

class ReservedFlowIdRule : public Rule {
 public:
  explicit ReservedFlowIdRule(RuleDefinition definition) : Rule(std::move(definition)) {
    for (const auto& id : this->definition().entry.value("ids", nlohmann::json::array())) {
      ids_.push_back(id.get<std::string>());
    }
    if (ids_.empty()) throw std::invalid_argument("ReservedFlowId needs `ids`");
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    if (std::find(ids_.begin(), ids_.end(), file.flow_id) == ids_.end()) return;
    Finding finding =
        MakeFinding(file, file.flow_id_span, facts, {{"id", file.flow_id}}, &file.flow_id);
    finding.property = file.flow_id;
    finding.origin = "flow id";
    out.push_back(std::move(finding));
  }

 private:
  std::vector<std::string> ids_;
};

}  // namespace

std::unique_ptr<Rule> MakeReservedFlowIdRule(RuleDefinition definition) {
  return std::make_unique<ReservedFlowIdRule>(std::move(definition));
}

}  // namespace kestra_lint
