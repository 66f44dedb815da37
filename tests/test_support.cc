#include "test_support.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/cli.h"
#include "facts/facts.h"
#include "pipeline/scan.h"

namespace kestra_lint::testing {
namespace fs = std::filesystem;

CliRun RunCliInProcess(const std::vector<std::string>& args, const std::string& input) {
  std::vector<const char*> argv = {"kestra-lint"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  CliRun run;
  run.exit_code = RunCli(static_cast<int>(argv.size()), argv.data(), in, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

CliRun RunShell(const std::string& command) {
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    run.out.append(buffer.data(), read);
  }
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string ShellOutput(const std::string& command) { return RunShell(command).out; }

CliRun RunBinary(const std::string& arguments, const std::string& input) {
  const TempDir scratch;
  const std::string input_path = scratch.Write("stdin", input);
  const std::string err_path = scratch.path() + "/stderr";
  CliRun run = RunShell(std::string(KESTRA_LINT_BINARY) + " " + arguments + " <" + input_path +
                        " 2>" + err_path);
  std::ifstream err(err_path);
  std::ostringstream text;
  text << err.rdbuf();
  run.err = text.str();
  return run;
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "kestra-lint-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

std::string TempDir::Write(const std::string& relative, const std::string& content) const {
  const fs::path full = fs::path(path_) / relative;
  fs::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary);
  out << content;
  return full.string();
}

const RuleSet& BuiltinRules() {
  static const RuleSet rules = LoadBuiltinRules();
  return rules;
}

const RuleSet& RulesWithPreview(const std::string& version) {
  static std::map<std::string, RuleSet> loaded;
  auto [at, added] = loaded.try_emplace(version);
  if (added) {
    at->second = LoadBuiltinRules();
    LoadRulePackPath(std::string(kPreviewPackScheme) + version, at->second);
  }
  return at->second;
}

std::vector<Finding> CheckText(const std::string& path, const std::string& text,
                               const std::string& edition, const std::string& target_version,
                               const RuleSet& rules) {
  return CheckFiles({{path, text}}, edition, target_version, rules);
}

std::vector<Finding> CheckFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                const std::string& edition, const std::string& target_version,
                                const RuleSet& rules) {
  std::vector<ScannedFile> scanned;
  for (const auto& [path, text] : files) scanned.push_back(ScanText(path, text));
  ScanSettings settings;
  settings.edition = ParseRequestedEdition(edition).value();
  settings.target_version = Version::Parse(target_version);
  const Facts facts = ComputeFacts(scanned, settings);
  return ApplyRules(scanned, facts, rules);
}

std::vector<Finding> OfRule(const std::vector<Finding>& findings, const std::string& rule_id) {
  std::vector<Finding> selected;
  for (const Finding& finding : findings) {
    if (finding.rule_id == rule_id) selected.push_back(finding);
  }
  return selected;
}

std::vector<std::string> SplitWords(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

TextEdit EditOf(size_t begin, size_t end, std::string replacement) {
  TextEdit edit;
  edit.begin = begin;
  edit.end = end;
  edit.replacement = std::move(replacement);
  return edit;
}

std::vector<std::string> Located(const std::vector<Finding>& findings) {
  std::vector<std::string> located;
  for (const Finding& finding : findings) {
    located.push_back(std::to_string(finding.line) + ":" + std::to_string(finding.column) + " " +
                      finding.rule_id);
  }
  return located;
}

std::string SourceDir() { return KESTRA_LINT_SOURCE_DIR; }

void TempDir::CopyIn(const std::string& folder) const {
  fs::copy(folder, path_, fs::copy_options::recursive);
}

std::vector<std::string> ExampleFolders() {
  const fs::path examples = fs::path(SourceDir()) / "examples";
  std::vector<std::string> folders;
  for (const fs::path& parent : {examples, examples / "fix"}) {
    for (const auto& entry : fs::directory_iterator(parent)) {
      if (entry.is_directory() && entry.path() != examples / "fix") {
        folders.push_back(entry.path().string());
      }
    }
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

std::map<std::string, std::string> ReadTree(const std::string& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[entry.path().lexically_relative(root).generic_string()] = bytes.str();
  }
  return files;
}

}  // namespace kestra_lint::testing
