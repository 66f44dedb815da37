// The bash completion: one function, a case per subcommand. It needs no
// bash-completion helpers, so `source <(kestra-lint completion bash)` works in
// a bare bash too.
#include <sstream>

#include "cli/completion.h"

namespace kestra_lint {
namespace {

std::string Join(const std::vector<std::string>& words, const std::string& separator) {
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : separator) + word;
  return joined;
}

std::string CompgenWords(const std::vector<std::string>& words) {
  return "COMPREPLY=($(compgen -W " + ShellQuote(Join(words, " ")) + " -- \"$cur\"))";
}

// The completions of one command's words: the values of the option just
// before the cursor; its options after a '-'; else its subcommands and its
// positionals' values (files when a positional takes free text).
void WriteCommandCase(const CommandModel& command, std::ostream& out) {
  std::vector<std::string> option_names;
  std::ostringstream values;
  for (const OptionModel& option : command.options) {
    option_names.insert(option_names.end(), option.names.begin(), option.names.end());
    if (!option.TakesValue()) continue;
    values << "        " << Join(option.names, "|") << ") ";
    if (!option.choices.empty()) {
      values << CompgenWords(option.choices) << "; ";
    } else if (!option.numeric) {
      values << "COMPREPLY=($(compgen -f -- \"$cur\")); ";
    }
    values << "return ;;\n";
  }
  if (!values.str().empty()) out << "      case $prev in\n" << values.str() << "      esac\n";

  std::vector<std::string> words;
  for (const CommandModel& subcommand : command.subcommands) words.push_back(subcommand.name);
  bool files = false;
  for (const OptionModel& positional : command.positionals) {
    words.insert(words.end(), positional.choices.begin(), positional.choices.end());
    files = files || positional.choices.empty();
  }
  out << "      if [[ $cur == -* ]]; then\n        " << CompgenWords(option_names) << "\n";
  if (!words.empty() || files) out << "      else\n";
  if (!words.empty()) out << "        " << CompgenWords(words) << "\n";
  if (files) out << "        COMPREPLY+=($(compgen -f -- \"$cur\"))\n";
  out << "      fi ;;\n";
}

}  // namespace

std::string BashCompletion(const CommandModel& root) {
  std::vector<std::string> names;
  for (const CommandModel& subcommand : root.subcommands) names.push_back(subcommand.name);
  std::ostringstream out;
  out << "# bash completion for " << root.name << " (written by `" << root.name
      << " completion bash`)\n"
      << "_kestra_lint() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      << "  # --option=value: bash splits the word at '=' (COMP_WORDBREAKS).\n"
      << "  if [[ $cur == = ]]; then\n"
      << "    cur=\n"
      << "  elif [[ $prev == = ]]; then\n"
      << "    prev=${COMP_WORDS[COMP_CWORD-2]}\n"
      << "  fi\n"
      << "  local command= word\n"
      << "  for word in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n"
      << "    case $word in\n"
      << "      " << Join(names, "|") << ") command=$word; break ;;\n"
      << "    esac\n"
      << "  done\n"
      << "  COMPREPLY=()\n"
      << "  case $command in\n"
      << "    '')\n";
  WriteCommandCase(root, out);
  for (const CommandModel& subcommand : root.subcommands) {
    out << "    " << subcommand.name << ")\n";
    WriteCommandCase(subcommand, out);
  }
  out << "  esac\n"
      << "}\n"
      << "complete -o filenames -F _kestra_lint " << root.name << "\n";
  return out.str();
}

}  // namespace kestra_lint
