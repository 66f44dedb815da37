// What `kestra-lint --help` and each `kestra-lint COMMAND --help` list, read
// from CLI11's own help text: the man page and completion tests check their
// files against it, not against the model those files are written from.
#pragma once

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace kestra_lint::testing {

// Command ("" for the top level) to the option names its help lists
// ("-h", "--help", ...).
inline std::map<std::string, std::vector<std::string>> OptionsInHelp() {
  std::map<std::string, std::vector<std::string>> options;
  std::vector<std::string> commands = {""};
  for (size_t index = 0; index < commands.size(); ++index) {
    const std::string command = commands[index];
    const CliRun help =
        RunCliInProcess(command.empty() ? std::vector<std::string>{"--help"}
                                        : std::vector<std::string>{command, "--help"});
    std::istringstream lines(help.out);
    std::string line;
    std::string section;
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == ':' && line[0] != ' ') section = line;
      if (line.rfind("  ", 0) != 0 || line[2] == ' ') continue;
      const std::string first = line.substr(2, line.find(' ', 2) - 2);
      if (section == "Subcommands:") commands.push_back(first);
      if (section != "Options:") continue;
      std::istringstream names(first);
      std::string name;
      while (std::getline(names, name, ',')) options[command].push_back(name);
    }
  }
  return options;
}

}  // namespace kestra_lint::testing
