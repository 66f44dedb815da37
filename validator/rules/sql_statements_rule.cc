#include "rules/sql_statements_rule.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace kestra_lint {
namespace {

bool IsCounted(const std::string& piece) {
  const auto first =
      std::find_if_not(piece.begin(), piece.end(), [](unsigned char c) { return std::isspace(c); });
  if (first == piece.end()) return false;
  std::string start(first, piece.end());
  start.resize(std::min<size_t>(start.size(), 20));
  std::transform(start.begin(), start.end(), start.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return start != "set file_search_path";
}

class SqlStatementsRule : public Rule {
 public:
  explicit SqlStatementsRule(RuleDefinition definition) : Rule(std::move(definition)) {
    const nlohmann::json& entry = this->definition().entry;
    for (const auto& type : entry.value("types", nlohmann::json::array())) {
      types_.push_back(type.get<std::string>());
    }
    key_ = entry.value("withKey", "");
    if (types_.empty() || key_.empty()) {
      throw std::invalid_argument("SqlStatements needs `types` and `withKey`");
    }
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const FlowTask& task : file.flow_tasks) {
      if (std::find(types_.begin(), types_.end(), task.type) == types_.end()) continue;
      for (const FlowTaskValue& value : task.values) {
        if (value.key != key_) continue;
        const int statements = CountSqlStatements(value.text);
        if (statements < 2) continue;
        Finding finding = MakeFinding(
            file, value.span, facts,
            {{"id", task.id}, {"type", task.type}, {"count", std::to_string(statements)}},
            &task.type);
        finding.property = task.id;
        finding.origin = "flow task " + task.id;
        out.push_back(std::move(finding));
      }
    }
  }

 private:
  std::vector<std::string> types_;
  std::string key_;
};

}  // namespace

int CountSqlStatements(const std::string& sql) {
  int count = 0;
  size_t start = 0;
  for (size_t at = sql.find(';'); at != std::string::npos; at = sql.find(';', at + 1)) {
    if (at + 1 >= sql.size() || sql[at + 1] == '\'') continue;
    count += IsCounted(sql.substr(start, at - start));
    start = at + 2;  // the regex ";[^']" takes the character after the ';' too
    at = start - 1;
  }
  return count + IsCounted(start < sql.size() ? sql.substr(start) : std::string());
}

std::unique_ptr<Rule> MakeSqlStatementsRule(RuleDefinition definition) {
  return std::make_unique<SqlStatementsRule>(std::move(definition));
}

}  // namespace kestra_lint
