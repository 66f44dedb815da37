// --version on the top level and on every command prints the same text:
// the version of project() in CMakeLists.txt and the rule packs'.
#include <gtest/gtest.h>

#include "cli_help.h"
#include "report/report.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::RunCliInProcess;

TEST(VersionTest, EveryCommandPrintsTheVersion) {
  const auto top = RunCliInProcess({"--version"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_EQ(top.out.rfind("kestra-lint " + std::string(ToolVersion()) + "\n", 0), 0u) << top.out;
  for (const auto& [command, options] : testing::OptionsInHelp()) {
    if (command.empty()) continue;
    // Before the arguments a command requires (explain RULE, completion SHELL).
    const auto run = RunCliInProcess({command, "--version"});
    EXPECT_EQ(run.exit_code, 0) << command << ": " << run.err;
    EXPECT_EQ(run.out, top.out) << command;
  }
}

}  // namespace
}  // namespace kestra_lint
