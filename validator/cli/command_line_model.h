// What the command line accepts, read from the CLI11 definitions: the man
// page and the shell completions are written from it, so they list exactly
// the subcommands and options the parser knows.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace kestra_lint {

struct OptionModel {
  std::vector<std::string> names;    // "-f", "--format": short ones first
  std::string value_name;            // "TEXT", "FORMAT[=FILE]"; "" for a flag
  std::vector<std::string> choices;  // the only accepted values, when CLI11 knows them
  bool numeric = false;              // a number, so no file names to offer
  std::string description;
  std::string default_value;  // "" when the option has none worth showing
  bool repeatable = false;
  bool required = false;
  bool TakesValue() const { return !value_name.empty(); }
};

struct CommandModel {
  std::string name;  // "kestra-lint" for the top level
  std::string description;
  std::vector<OptionModel> options;      // named options, help and version included
  std::vector<OptionModel> positionals;  // names are the positional's name
  std::vector<CommandModel> subcommands;
};

// `app` and its visible subcommands (those with a help group), recursively.
CommandModel DescribeCommandLine(const CLI::App& app);

}  // namespace kestra_lint
