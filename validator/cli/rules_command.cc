// kestra-lint rules: lists the rules of the built-in packs and of --rules,
// as text grouped by pack or as JSON.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/command.h"

namespace kestra_lint {
namespace {

class RulesCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    CLI::App* command = app.add_subcommand("rules", "List the rules");
    command->add_option("--rules", packs_, "Extra rule pack file or directory; repeatable")
        ->allow_extra_args(false)
        ->check(CLI::ExistingPath);
    AddPreviewOption(command, packs_);
    command->add_option("--format", format_, "text or json")
        ->check(CLI::IsMember({"text", "json"}));
    return command;
  }

  int Run(std::istream&, std::ostream& out, std::ostream&) override {
    const RuleSet rules = LoadRules(packs_);
    if (format_ == "json") {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& rule : rules.rules) {
        const RuleDefinition& d = rule->definition();
        list.push_back({{"id", d.id},
                        {"pack", d.pack},
                        {"type", d.type},
                        {"severity", SeverityName(d.severity)},
                        {"title", d.title},
                        {"since", d.since ? d.since->ToString() : ""},
                        {"edition", EditionName(d.edition)},
                        {"docs", d.docs}});
      }
      out << list.dump(2) << "\n";
      return 0;
    }
    for (const RulePackInfo& pack : rules.packs) {
      out << pack.id << " " << pack.version << " (" << pack.source << "): " << pack.title << "\n";
      for (const auto& rule : rules.rules) {
        const RuleDefinition& d = rule->definition();
        if (d.pack != pack.id) continue;
        std::string id = d.id;
        id.resize(std::max<size_t>(id.size(), 28), ' ');
        std::string severity = SeverityName(d.severity);
        severity.resize(8, ' ');
        out << "  " << id << " " << severity << d.title << "\n";
      }
    }
    return 0;
  }

 private:
  std::vector<std::string> packs_;
  std::string format_ = "text";
};

}  // namespace

std::unique_ptr<Command> MakeRulesCommand() { return std::make_unique<RulesCommand>(); }

}  // namespace kestra_lint
