// Shell completion scripts for kestra-lint, written from the command-line
// model (one writer per shell, each in completion_<shell>.cc): subcommands,
// their options, the values an option accepts, and files where an option or
// a positional takes a path or free text.
#pragma once

#include <map>
#include <string>

#include "cli/command_line_model.h"

namespace kestra_lint {

using CompletionWriter = std::string (*)(const CommandModel& root);

std::string BashCompletion(const CommandModel& root);
std::string ZshCompletion(const CommandModel& root);
std::string FishCompletion(const CommandModel& root);

// Shell name ("bash", "zsh", "fish") to its writer.
const std::map<std::string, CompletionWriter>& CompletionWriters();

// `text` as one single-quoted POSIX shell word.
std::string ShellQuote(const std::string& text);

}  // namespace kestra_lint
