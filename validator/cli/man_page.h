// The kestra-lint(1) man page in roff, written from the command-line model:
// every subcommand with its options as the parser defines them, then the
// exit status, environment and files.
#pragma once

#include <string>

#include "cli/command_line_model.h"

namespace kestra_lint {

std::string ManPage(const CommandModel& root, const std::string& version);

}  // namespace kestra_lint
