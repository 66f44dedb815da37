#include "cli/completion.h"

namespace kestra_lint {

const std::map<std::string, CompletionWriter>& CompletionWriters() {
  static const std::map<std::string, CompletionWriter> writers = {
      {"bash", BashCompletion}, {"fish", FishCompletion}, {"zsh", ZshCompletion}};
  return writers;
}

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace kestra_lint
