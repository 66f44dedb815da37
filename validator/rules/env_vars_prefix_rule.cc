#include "rules/env_vars_prefix_rule.h"

namespace kestra_lint {
namespace {

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

class EnvVarsPrefixRule : public Rule {
 public:
  using Rule::Rule;

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    if (facts.env_vars_prefix_set) return;
    for (const EnvRead& read : file.env_reads) {
      Finding finding = MakeFinding(file, read.span, facts,
                                    {{"name", read.name},
                                     {"old", "KESTRA_" + Upper(read.name)},
                                     {"new", "ENV_" + Upper(read.name)}},
                                    nullptr);
      finding.origin = "envs." + read.name;
      out.push_back(std::move(finding));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeEnvVarsPrefixRule(RuleDefinition definition) {
  return std::make_unique<EnvVarsPrefixRule>(std::move(definition));
}

}  // namespace kestra_lint
