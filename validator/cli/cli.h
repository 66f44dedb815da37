// The command line: subcommands check, fix, audit, rules, explain, lsp and
// completion (one file each, see command.h), --version on each. Exit codes:
// 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error,
// 3 internal error.
#pragma once

#include <iosfwd>

namespace kestra_lint {

int RunCli(int argc, const char* const* argv, std::istream& in, std::ostream& out,
           std::ostream& err);

}  // namespace kestra_lint
