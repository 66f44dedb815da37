#include "rules/flow_usage_rule.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace kestra_lint {
namespace {

std::vector<std::string> Strings(const nlohmann::json& entry, const char* name) {
  std::vector<std::string> strings;
  for (const auto& item : entry.value(name, nlohmann::json::array())) {
    strings.push_back(item.get<std::string>());
  }
  return strings;
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `name` in `text` as a whole name: read( but not thread(, a.taskrun.iteration.
bool ContainsCall(const std::string& text, const std::string& name) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    if (at == 0 || (!IsNameChar(text[at - 1]) && text[at - 1] != '.')) return true;
  }
  return false;
}

class FlowUsageRule : public Rule {
 public:
  explicit FlowUsageRule(RuleDefinition definition) : Rule(std::move(definition)) {
    const nlohmann::json& entry = this->definition().entry;
    types_ = Strings(entry, "types");
    with_key_ = entry.value("withKey", "");
    without_key_ = entry.value("withoutKey", "");
    value_contains_ = entry.value("valueContains", "");
    if (!value_contains_.empty() && with_key_.empty()) {
      throw std::invalid_argument("FlowUsage `valueContains` needs `withKey`");
    }
    expression_contains_ = Strings(entry, "expressionContains");
    in_flows_with_ = Strings(entry, "inFlowsWith");
    checks_tasks_ = !types_.empty() || !with_key_.empty() || !without_key_.empty();
    if (!checks_tasks_ && expression_contains_.empty()) {
      throw std::invalid_argument(
          "FlowUsage needs `types`, `withKey`, `withoutKey` or `expressionContains`");
    }
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    if (!in_flows_with_.empty() &&
        std::none_of(file.flow_tasks.begin(), file.flow_tasks.end(), [&](const FlowTask& task) {
          return std::find(in_flows_with_.begin(), in_flows_with_.end(), task.type) !=
                 in_flows_with_.end();
        })) {
      return;
    }
    if (checks_tasks_) {
      for (const FlowTask& task : file.flow_tasks) {
        if (!Matches(task)) continue;
        const FlowTaskValue* value = MatchingValue(task);
        if (!value_contains_.empty() && value == nullptr) continue;
        const std::string usage = "task '" + task.id + "' " +
                                  (with_key_.empty() ? "uses " + task.type : "sets " + with_key_);
        Finding finding = MakeFinding(
            file, value != nullptr ? value->span : task.span, facts,
            {{"type", task.type}, {"id", task.id}, {"usage", usage}, {"found", value_contains_}},
            &task.type);
        finding.property = task.id;
        finding.origin = "flow task " + task.id;
        out.push_back(std::move(finding));
      }
    }
    for (const FlowExpression& expression : file.flow_expressions) {
      for (const std::string& text : expression_contains_) {
        if (!ContainsCall(expression.text, text)) continue;
        Finding finding = MakeFinding(
            file, expression.span, facts,
            {{"type", ""}, {"id", ""}, {"usage", "an expression uses " + text}, {"found", text}},
            &expression.text);
        finding.property = text;
        finding.origin = "flow expression";
        out.push_back(std::move(finding));
        break;
      }
    }
  }

 private:
  bool Matches(const FlowTask& task) const {
    if (!types_.empty() && std::none_of(types_.begin(), types_.end(), [&](const std::string& t) {
          return t.back() == '.' ? task.type.rfind(t, 0) == 0 : task.type == t;
        })) {
      return false;
    }
    const auto has = [&](const std::string& key) {
      return std::find(task.keys.begin(), task.keys.end(), key) != task.keys.end();
    };
    if (!with_key_.empty() && !has(with_key_)) return false;
    if (!without_key_.empty() && has(without_key_)) return false;
    return true;
  }

  // The withKey value holding valueContains, which the finding then points at.
  const FlowTaskValue* MatchingValue(const FlowTask& task) const {
    if (value_contains_.empty()) return nullptr;
    for (const FlowTaskValue& value : task.values) {
      if (value.key == with_key_ && value.text.find(value_contains_) != std::string::npos) {
        return &value;
      }
    }
    return nullptr;
  }

  std::vector<std::string> types_;
  std::string with_key_;
  std::string value_contains_;
  std::string without_key_;
  std::vector<std::string> expression_contains_;
  std::vector<std::string> in_flows_with_;  // expressions and tasks of flows with one of these
  bool checks_tasks_ = false;
};

}  // namespace

std::unique_ptr<Rule> MakeFlowUsageRule(RuleDefinition definition) {
  return std::make_unique<FlowUsageRule>(std::move(definition));
}

}  // namespace kestra_lint
