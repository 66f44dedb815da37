#include "cli/completion.h"

#include <gtest/gtest.h>

#include "cli_help.h"
#include "external_tool.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::IsExecutable;
using testing::RunCliInProcess;
using testing::RunShell;
using testing::TempDir;

std::string Script(const std::string& shell) {
  const auto run = RunCliInProcess({"completion", shell});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return run.out;
}

TEST(CompletionTest, EveryOptionOfEveryCommandIsInEachShellsScript) {
  const auto options = testing::OptionsInHelp();
  ASSERT_GE(options.size(), 8u);  // the top level and its seven commands
  for (const auto& [shell, writer] : CompletionWriters()) {
    const std::string script = Script(shell);
    for (const auto& [command, names] : options) {
      EXPECT_TRUE(command.empty() || script.find(command) != std::string::npos)
          << shell << ": " << command;
      for (const std::string& name : names) {
        // fish names options without their dashes: "-l edition", "-s f".
        const std::string fish_name =
            name.rfind("--", 0) == 0 ? "-l " + name.substr(2) : "-s " + name.substr(1);
        EXPECT_NE(script.find(shell == "fish" ? fish_name : name), std::string::npos)
            << shell << ": " << command << " " << name;
      }
    }
  }
}

TEST(CompletionTest, UnknownShellIsAUsageError) {
  const auto run = RunCliInProcess({"completion", "tcsh"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("tcsh"), std::string::npos) << run.err;
}

// Completes $1 (the cursor at its end) as bash does on TAB: the words split
// as readline splits them ('=' is a word of its own), then the function that
// `complete -p` names, called as bash calls it.
constexpr char kBashDriver[] = R"(source ./kestra-lint.bash
function=$(complete -p kestra-lint | sed -n 's/.* -F \([^ ]*\) .*/\1/p')
COMP_LINE=$1
COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "${COMP_LINE//=/ = }"
if [[ $COMP_LINE == *" " ]]; then COMP_WORDS+=(""); fi
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
"$function" kestra-lint "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
if ((${#COMPREPLY[@]})); then printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '; fi
)";

std::string BashCompletes(const TempDir& dir, const std::string& line) {
  dir.Write("kestra-lint.bash", Script("bash"));
  dir.Write("complete.sh", kBashDriver);
  const auto run =
      RunShell("cd " + dir.path() + " && bash --norc --noprofile complete.sh '" + line + "' 2>&1");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  return run.out;
}

TEST(CompletionTest, BashCompletesCommandsOptionsAndTheirValues) {
  const TempDir dir;
  dir.Write("deploy/application.yml", "kestra: {}\n");
  const auto registered =
      RunShell("bash --norc --noprofile -c 'source <(" + std::string(KESTRA_LINT_BINARY) +
               " completion bash) && complete -p kestra-lint'");
  EXPECT_EQ(registered.out, "complete -o filenames -F _kestra_lint kestra-lint\n");

  EXPECT_EQ(BashCompletes(dir, "kestra-lint "),
            "audit check completion explain fix lsp plan rules ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint ch"), "check ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint --v"), "--version ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint check --ta"), "--target-version ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint check --fail-on w"), "warning ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint check --edition "), "auto ee oss ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint check --edition=o"), "oss ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint check --jobs "), "");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint check dep"), "deploy ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint fix --dr"), "--dry-run ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint audit --ht"), "--html ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint rules --format "), "json text ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint completion "), "bash fish zsh ");
  EXPECT_EQ(BashCompletes(dir, "kestra-lint explain --ve"), "--version ");
}

// fish's own completer, on a line as typed.
std::string FishCompletes(const std::string& script_path, const std::string& line) {
  const auto run = RunShell("fish --no-config -c 'source " + script_path + "; complete -C \"" +
                            line + "\" | cut -f1 | sort | tr \"\\n\" \" \"' 2>&1");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  return run.out;
}

TEST(CompletionTest, FishCompletesCommandsOptionsAndTheirValues) {
  if (!IsExecutable("/usr/bin/fish")) GTEST_SKIP() << "fish not installed (scripts/deps.sh)";
  const TempDir dir;
  const std::string script = dir.Write("kestra-lint.fish", Script("fish"));
  EXPECT_EQ(FishCompletes(script, "kestra-lint ch"), "check ");
  EXPECT_EQ(FishCompletes(script, "kestra-lint check --fail"), "--fail-on ");
  EXPECT_EQ(FishCompletes(script, "kestra-lint check --edition "), "auto ee oss ");
  EXPECT_EQ(FishCompletes(script, "kestra-lint completion "), "bash fish zsh ");
  EXPECT_EQ(FishCompletes(script, "kestra-lint explain --ve"), "--version ");
}

TEST(CompletionTest, ZshScriptIsAValidCompdefFunction) {
  if (!IsExecutable("/usr/bin/zsh")) GTEST_SKIP() << "zsh not installed (scripts/deps.sh)";
  const TempDir dir;
  const std::string text = Script("zsh");
  const std::string script = dir.Write("_kestra-lint", text);
  EXPECT_EQ(text.rfind("#compdef kestra-lint\n", 0), 0u);
  EXPECT_NE(text.find("'--edition[Kestra edition; auto looks for evidence]:TEXT:(auto oss ee)'"),
            std::string::npos);
  const auto syntax = RunShell("zsh -n " + script + " 2>&1");
  EXPECT_EQ(syntax.exit_code, 0) << syntax.out;
  // Autoloaded from fpath, as the package installs it, it defines the function.
  const auto loaded = RunShell("zsh -f -c 'fpath=(" + dir.path() +
                               " $fpath); autoload -Uz compinit && compinit -u -D && "
                               "autoload -Uz _kestra-lint && whence -w _kestra-lint' 2>&1");
  EXPECT_EQ(loaded.out, "_kestra-lint: function\n");
}

}  // namespace
}  // namespace kestra_lint
