// One subcommand of kestra-lint (check, fix, audit, plan, lsp, rules, explain,
// completion, man-page): it
// adds itself and its options to the parser and runs when it is chosen. A
// new command is one file defining its factory, declared here and listed
// once in cli.cc.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "rules/rule_pack.h"

namespace kestra_lint {

// Exit codes besides 0 (clean) and 1 (findings at or above --fail-on).
constexpr int kExitUsage = 2;     // usage or configuration error
constexpr int kExitInternal = 3;  // internal error

class Command {
 public:
  virtual ~Command() = default;
  // Adds the subcommand, its options and their help to `app`.
  virtual CLI::App* Add(CLI::App& app) = 0;
  // Runs once the command line parsed with this subcommand chosen; returns
  // the exit code. May throw (RunCli turns the error into a message).
  virtual int Run(std::istream& in, std::ostream& out, std::ostream& err) = 0;
};

std::unique_ptr<Command> MakeCheckCommand();
std::unique_ptr<Command> MakeFixCommand();
std::unique_ptr<Command> MakeAuditCommand();
std::unique_ptr<Command> MakeRulesCommand();
std::unique_ptr<Command> MakeExplainCommand();
std::unique_ptr<Command> MakeLspCommand();
std::unique_ptr<Command> MakeCompletionCommand();
std::unique_ptr<Command> MakeManPageCommand();
std::unique_ptr<Command> MakePlanCommand();

// The built-in rules plus the packs at `extra_packs` (--rules).
RuleSet LoadRules(const std::vector<std::string>& extra_packs);

// --preview VERSION: adds the preview pack of an unreleased version to
// `packs`, the command's --rules list (not loaded otherwise).
void AddPreviewOption(CLI::App* command, std::vector<std::string>& packs);

}  // namespace kestra_lint
