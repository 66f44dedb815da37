// The fish completion: one `complete` line per subcommand and per option,
// conditioned on the subcommand already typed.
#include <sstream>

#include "cli/completion.h"

namespace kestra_lint {
namespace {

// A fish single-quoted string: only '\'' and '\\' are escapes there.
std::string FishQuote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

std::string Words(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

void WriteCommand(const CommandModel& command, const std::string& condition,
                  const std::string& program, std::ostream& out) {
  const std::string prefix = "complete -c " + program + " -n " + FishQuote(condition);
  for (const OptionModel& option : command.options) {
    out << prefix;
    for (const std::string& name : option.names) {
      out << (name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1));
    }
    if (option.TakesValue()) {
      if (!option.choices.empty()) {
        out << " -x -a " << FishQuote(Words(option.choices));
      } else {
        out << (option.numeric ? " -x" : " -r -F");
      }
    }
    out << " -d " << FishQuote(option.description) << "\n";
  }
  for (const OptionModel& positional : command.positionals) {
    out << prefix
        << (positional.choices.empty() ? " -F" : " -a " + FishQuote(Words(positional.choices)))
        << "\n";
  }
}

}  // namespace

std::string FishCompletion(const CommandModel& root) {
  std::ostringstream out;
  out << "# fish completion for " << root.name << " (written by `" << root.name
      << " completion fish`)\n"
      << "complete -c " << root.name << " -f\n";
  WriteCommand(root, "__fish_use_subcommand", root.name, out);
  for (const CommandModel& subcommand : root.subcommands) {
    out << "complete -c " << root.name << " -n __fish_use_subcommand -a " << subcommand.name
        << " -d " << FishQuote(subcommand.description) << "\n";
  }
  for (const CommandModel& subcommand : root.subcommands) {
    WriteCommand(subcommand, "__fish_seen_subcommand_from " + subcommand.name, root.name, out);
  }
  return out.str();
}

}  // namespace kestra_lint
