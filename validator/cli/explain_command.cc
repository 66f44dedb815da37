// kestra-lint explain RULE: prints the rule's documentation, the same text
// as the language server's "Explain this rule" (ExplainRule).
#include "base/closest.h"
#include "cli/command.h"
#include "rules/rule_explanation.h"

namespace kestra_lint {
namespace {

class ExplainCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    CLI::App* command = app.add_subcommand("explain", "Print one rule's documentation");
    command->add_option("rule", id_, "Rule id, e.g. removed-default-tenant")->required();
    command->add_option("--rules", packs_, "Extra rule pack file or directory; repeatable")
        ->allow_extra_args(false)
        ->check(CLI::ExistingPath);
    AddPreviewOption(command, packs_);
    return command;
  }

  int Run(std::istream&, std::ostream& out, std::ostream& err) override {
    const RuleSet rules = LoadRules(packs_);
    const Rule* rule = rules.Find(id_);
    if (rule == nullptr) {
      err << "kestra-lint: unknown rule '" << id_ << "'";
      const std::string closest = Closest(id_, rules.Ids());
      if (!closest.empty()) err << "; did you mean '" << closest << "'?";
      err << " ('kestra-lint rules' lists them)\n";
      return kExitUsage;
    }
    out << ExplainRule(*rule);
    return 0;
  }

 private:
  std::string id_;
  std::vector<std::string> packs_;
};

}  // namespace

std::unique_ptr<Command> MakeExplainCommand() { return std::make_unique<ExplainCommand>(); }

}  // namespace kestra_lint
