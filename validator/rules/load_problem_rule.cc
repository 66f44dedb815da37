#include "rules/load_problem_rule.h"

namespace kestra_lint {
namespace {

class LoadProblemRule : public Rule {
 public:
  using Rule::Rule;

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const FileProblem& problem : file.problems) {
      if (problem.rule_id == id()) out.push_back(ProblemFinding(file, problem, facts));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeLoadProblemRule(RuleDefinition definition) {
  return std::make_unique<LoadProblemRule>(std::move(definition));
}

}  // namespace kestra_lint
