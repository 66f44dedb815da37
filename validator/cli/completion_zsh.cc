// The zsh completion: an autoloadable #compdef function built on _arguments,
// with a state for the subcommand and one _arguments call per subcommand.
#include <sstream>

#include "cli/completion.h"

namespace kestra_lint {
namespace {

// Text inside an _arguments spec: '[' and ']' close the description and ':'
// separates fields, so they are escaped; the spec is single-quoted later.
std::string SpecText(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

std::string Action(const OptionModel& option) {
  if (option.numeric) return " ";
  if (option.choices.empty()) return "_files";
  std::string words;
  for (const std::string& choice : option.choices) words += (words.empty() ? "" : " ") + choice;
  return "(" + words + ")";
}

// One spec per name: "--edition[Kestra edition]:TEXT:(auto oss ee)".
void WriteSpecs(const CommandModel& command, const std::string& indent, std::ostream& out) {
  for (const OptionModel& option : command.options) {
    for (const std::string& name : option.names) {
      std::string spec =
          (option.repeatable ? "*" : "") + name + "[" + SpecText(option.description) + "]";
      if (option.TakesValue()) spec += ":" + SpecText(option.value_name) + ":" + Action(option);
      out << " \\\n" << indent << ShellQuote(spec);
    }
  }
  for (const OptionModel& positional : command.positionals) {
    const std::string spec = (positional.repeatable ? "*:" : ":") +
                             SpecText(positional.names.front()) + ":" + Action(positional);
    out << " \\\n" << indent << ShellQuote(spec);
  }
}

}  // namespace

std::string ZshCompletion(const CommandModel& root) {
  std::ostringstream out;
  out << "#compdef " << root.name << "\n"
      << "# zsh completion for " << root.name << " (written by `" << root.name
      << " completion zsh`)\n"
      << "_kestra-lint() {\n"
      << "  local curcontext=$curcontext state line ret=1\n"
      << "  typeset -A opt_args\n"
      << "  _arguments -C";
  WriteSpecs(root, "    ", out);
  out << " \\\n    '1: :->command' \\\n    '*:: :->argument' && ret=0\n"
      << "  case $state in\n"
      << "    command)\n"
      << "      local -a commands=(\n";
  for (const CommandModel& subcommand : root.subcommands) {
    out << "        " << ShellQuote(subcommand.name + ":" + subcommand.description) << "\n";
  }
  out << "      )\n"
      << "      _describe -t commands 'kestra-lint command' commands && ret=0 ;;\n"
      << "    argument)\n"
      << "      curcontext=${curcontext%:*:*}:kestra-lint-$line[1]:\n"
      << "      case $line[1] in\n";
  for (const CommandModel& subcommand : root.subcommands) {
    out << "        " << subcommand.name << ")\n          _arguments";
    WriteSpecs(subcommand, "            ", out);
    out << " && ret=0 ;;\n";
  }
  out << "      esac ;;\n"
      << "  esac\n"
      << "  return ret\n"
      << "}\n"
      << "_kestra-lint \"$@\"\n";
  return out.str();
}

}  // namespace kestra_lint
