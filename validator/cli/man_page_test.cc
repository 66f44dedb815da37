#include "cli/man_page.h"

#include <gtest/gtest.h>

#include "cli_help.h"
#include "external_tool.h"
#include "report/report.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::IsExecutable;
using testing::RunCliInProcess;
using testing::RunShell;

// The man page as `man` shows it (plain ASCII, wide enough for no line to
// break inside an option), and groff's warnings.
struct RenderedPage {
  std::string text;
  std::string warnings;
};

RenderedPage Render(const std::string& page_path) {
  const auto text = RunShell("LC_ALL=C MANWIDTH=200 man -l " + page_path + " 2>/dev/null");
  const auto warnings =
      RunShell("LC_ALL=C MANWIDTH=200 man --warnings -l " + page_path + " 2>&1 >/dev/null");
  EXPECT_EQ(text.exit_code, 0);
  return {text.out, warnings.out};
}

// The installed page: the build writes it with `kestra-lint man-page`.
std::string BuiltPage() {
  return std::string(KESTRA_LINT_BUILD_DIR) + "/shell_files/kestra-lint.1.gz";
}

TEST(ManPageTest, ManRendersTheBuiltPageWithoutWarnings) {
  if (!IsExecutable("/usr/bin/man")) GTEST_SKIP() << "man not installed (man-db; scripts/deps.sh)";
  const RenderedPage page = Render(BuiltPage());
  EXPECT_EQ(page.warnings, "");
  EXPECT_EQ(page.text.rfind("KESTRA-LINT(1)", 0), 0u) << page.text;
  for (const char* section :
       {"\nNAME\n       kestra-lint - finds what breaks", "\nSYNOPSIS\n", "\nOPTIONS\n",
        "\nCOMMANDS\n", "\nEXIT STATUS\n", "\nENVIRONMENT\n", "\nFILES\n"}) {
    EXPECT_NE(page.text.find(section), std::string::npos) << section;
  }
  EXPECT_NE(page.text.find("kestra-lint " + std::string(ToolVersion())), std::string::npos);
}

TEST(ManPageTest, TheBuiltPageIsWhatManPagePrints) {
  const auto printed = RunCliInProcess({"man-page"});
  EXPECT_EQ(printed.exit_code, 0);
  EXPECT_EQ(RunShell("gzip -dc " + BuiltPage()).out, printed.out);
}

// Where the heading after `from` starts (a section at column 0, a
// subsection at column 3), or the end of `text`.
size_t NextHeading(const std::string& text, size_t from) {
  for (size_t at = text.find('\n', from); at != std::string::npos; at = text.find('\n', at + 1)) {
    const size_t indent = text.find_first_not_of(' ', at + 1);
    if (indent != std::string::npos && text[indent] != '\n' && indent - at - 1 < 7) return at;
  }
  return text.size();
}

// Each command's section lists every option its --help lists, as a term of
// its own ("       --edition TEXT" or "       -h, --help").
TEST(ManPageTest, EveryOptionOfEveryCommandIsInItsSection) {
  if (!IsExecutable("/usr/bin/man")) GTEST_SKIP() << "man not installed (man-db; scripts/deps.sh)";
  const std::string text = Render(BuiltPage()).text;
  const size_t commands = text.find("\nCOMMANDS\n");
  ASSERT_NE(commands, std::string::npos);
  for (const auto& [command, names] : testing::OptionsInHelp()) {
    const size_t start =
        command.empty() ? text.find("\nOPTIONS\n") : text.find("\n   " + command + "\n", commands);
    ASSERT_NE(start, std::string::npos) << command;
    const std::string section = text.substr(start, NextHeading(text, start + 1) - start);
    for (const std::string& name : names) {
      EXPECT_TRUE(section.find("\n       " + name) != std::string::npos ||
                  section.find(", " + name) != std::string::npos)
          << command << " " << name << "\n"
          << section;
    }
  }
}

TEST(ManPageTest, RoffSpecialsInDefinitionsStayText) {
  CommandModel root{"kestra-lint", "kestra-lint: checks", {}, {}, {}};
  OptionModel option;
  option.names = {"--path"};
  option.value_name = "DIR";
  option.description = ".hidden \\ back-slash";
  CommandModel sub{"sub", "'quoted' start", {option}, {}, {}};
  root.subcommands.push_back(sub);
  const std::string page = ManPage(root, "1.2.3");
  EXPECT_NE(page.find("\\fB\\-\\-path\\fR \\fIDIR\\fR\n\\&.hidden \\e back\\-slash."),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("\n\\&'quoted' start.\n"), std::string::npos) << page;
}

}  // namespace
}  // namespace kestra_lint
