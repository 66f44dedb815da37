#include "rules/running_version_rule.h"

#include <utility>

namespace kestra_lint {
namespace {

class RunningVersionRule : public Rule {
 public:
  explicit RunningVersionRule(RuleDefinition definition)
      : Rule(std::move(definition)),
        below_(Version::Parse(this->definition().entry.value("below", ""))) {
    if (!below_) throw std::invalid_argument("RunningVersion needs `below`, a version");
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const VersionEvidence& evidence : file.running_versions) {
      if (!(evidence.version < *below_)) continue;
      const std::string running = evidence.version.ToString();
      Finding finding = MakeFinding(
          file, evidence.span, facts,
          {{"running", running}, {"evidence", evidence.description}, {"below", below_->ToString()}},
          &running);
      finding.property = running;
      finding.origin = evidence.description;
      out.push_back(std::move(finding));
    }
  }

 private:
  std::optional<Version> below_;
};

}  // namespace

std::unique_ptr<Rule> MakeRunningVersionRule(RuleDefinition definition) {
  return std::make_unique<RunningVersionRule>(std::move(definition));
}

}  // namespace kestra_lint
