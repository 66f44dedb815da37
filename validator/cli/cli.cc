// RunCli: parses the command line, hands it to the chosen subcommand (one
// file each, listed in kCommands) and turns a failure into a message and an
// exit code.
#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <exception>
#include <memory>
#include <sstream>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "discover/installation.h"
#include "findings/baseline.h"
#include "pipeline/lint_config.h"
#include "report/report.h"
#include "rules/rule_pack.h"

namespace kestra_lint {
namespace {

// Every subcommand, in the order the help lists them.
constexpr std::unique_ptr<Command> (*kCommands[])() = {
    MakeCheckCommand,   MakeFixCommand, MakeAuditCommand,      MakePlanCommand,    MakeRulesCommand,
    MakeExplainCommand, MakeLspCommand, MakeCompletionCommand, MakeManPageCommand,
};

constexpr char kVersionHelp[] = "Print the version and the rule packs' versions";

std::string VersionText() {
  std::ostringstream text;
  text << "kestra-lint " << ToolVersion() << "\n";
  try {
    for (const RulePackInfo& pack : LoadBuiltinRules().packs) {
      text << "rule pack " << pack.id << " " << pack.version << " sha256:" << pack.sha256 << "\n";
    }
  } catch (const std::exception& error) {
    text << "rule packs: " << error.what() << "\n";
  }
  std::string version = text.str();
  version.pop_back();  // CLI11 ends the version text with a newline itself
  return version;
}

}  // namespace

void AddPreviewOption(CLI::App* command, std::vector<std::string>& packs) {
  command
      ->add_option_function<std::string>(
          "--preview",
          [&packs](const std::string& version) {
            packs.push_back(std::string(kPreviewPackScheme) + version);
          },
          "Also report what an unreleased Kestra version changes, read on its development "
          "branch (not released, may change): 2.0")
      ->check(CLI::IsMember(PreviewVersions()));
}

RuleSet LoadRules(const std::vector<std::string>& extra_packs) {
  RuleSet rules = LoadBuiltinRules();
  // The rulePacks of the .kestra-lint.yaml that check would use here.
  const std::string config_path = FindConfigFile(".");
  if (!config_path.empty()) {
    for (const std::string& path : LoadConfigFile(config_path).rule_packs) {
      LoadRulePackPath(path, rules);
    }
  }
  for (const std::string& path : extra_packs) LoadRulePackPath(path, rules);
  return rules;
}

int RunCli(int argc, const char* const* argv, std::istream& in, std::ostream& out,
           std::ostream& err) {
  CLI::App app{
      "kestra-lint: finds what breaks or silently changes when Kestra is upgraded "
      "(0.23 tenant migration and neighbouring releases)",
      "kestra-lint"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", VersionText, kVersionHelp);

  std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> commands;
  for (const auto make : kCommands) {
    std::unique_ptr<Command> command = make();
    CLI::App* subcommand = command->Add(app);
    subcommand->set_version_flag("--version", VersionText, kVersionHelp);
    commands.emplace_back(subcommand, std::move(command));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version, out, err);
  } catch (const CLI::ParseError& error) {
    err << "kestra-lint: " << error.what() << "\nRun with --help for more information.\n";
    return kExitUsage;
  }

  try {
    for (const auto& [subcommand, command] : commands) {
      if (*subcommand) return command->Run(in, out, err);
    }
    out << app.help();
    return kExitUsage;
  } catch (const RulePackError& error) {
    err << "kestra-lint: invalid rule pack: " << error.what() << "\n";
    return kExitUsage;
  } catch (const ConfigError& error) {
    std::istringstream lines(error.what());
    for (std::string line; std::getline(lines, line);)
      err << "kestra-lint: config: " << line << "\n";
    return kExitUsage;
  } catch (const BaselineError& error) {
    err << "kestra-lint: baseline: " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& error) {
    err << "kestra-lint: internal error: " << error.what() << "\n";
    return kExitInternal;
  }
}

}  // namespace kestra_lint
