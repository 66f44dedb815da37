// Helpers shared by the tests: run the CLI in-process or as the real binary,
// make throw-away directories, check one file's findings.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "findings/finding.h"
#include "rules/rule_pack.h"

namespace kestra_lint::testing {

struct CliRun {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs `kestra-lint args...` in this process, with `input` as standard input.
CliRun RunCliInProcess(const std::vector<std::string>& args, const std::string& input = "");

// Runs the built binary through the shell (exit code, stdout; stderr to `err`).
CliRun RunBinary(const std::string& arguments, const std::string& input = "");

// Runs `command` through the shell: its exit code and standard output.
CliRun RunShell(const std::string& command);

// Standard output of a shell command.
std::string ShellOutput(const std::string& command);

// A fresh empty directory under the system temp folder, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `content` to `relative` (parents created) and returns its full path.
  std::string Write(const std::string& relative, const std::string& content) const;
  // Copies what `folder` holds into this directory.
  void CopyIn(const std::string& folder) const;

 private:
  std::string path_;
};

// The built-in rules, loaded once.
const RuleSet& BuiltinRules();

// The built-in rules and the preview pack of `version` ("2.0"), loaded once.
const RuleSet& RulesWithPreview(const std::string& version);

// Findings for one file checked alone, with `settings` ("" edition = auto).
std::vector<Finding> CheckText(const std::string& path, const std::string& text,
                               const std::string& edition = "auto",
                               const std::string& target_version = "",
                               const RuleSet& rules = BuiltinRules());

// Findings for several files checked as one scan: {path, text} pairs.
std::vector<Finding> CheckFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                const std::string& edition = "auto",
                                const std::string& target_version = "",
                                const RuleSet& rules = BuiltinRules());

// Findings of one rule only.
std::vector<Finding> OfRule(const std::vector<Finding>& findings, const std::string& rule_id);

// "line:column rule-id" of each finding, in order: what position tests compare.
std::vector<std::string> Located(const std::vector<Finding>& findings);

// The source root (for examples/ and docs/).
std::string SourceDir();

// Every example's folder, sorted: examples/<name>/ and examples/fix/<case>/.
std::vector<std::string> ExampleFolders();

// Every regular file under `root` by its path relative to it, with its bytes:
// what fix tests compare before and after a run.
std::map<std::string, std::string> ReadTree(const std::string& root);

// The words of `text`, split at whitespace.
std::vector<std::string> SplitWords(const std::string& text);

// An edit replacing bytes [begin, end) with `replacement` (no positions).
TextEdit EditOf(size_t begin, size_t end, std::string replacement);

// An application config holding a key Enterprise 0.23 removed: one error.
inline constexpr char kRemovedDefaultTenantConfig[] =
    "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n";

}  // namespace kestra_lint::testing
