// Golden tests: every folder under examples/ holds a realistic setup and an
// expected.txt listing every finding kestra-lint reports for it, one per
// line as `path:line:column: severity: message [rule-id]`, path relative to
// the folder. A change in any position, message or order fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;
using testing::RunCliInProcess;
using testing::SourceDir;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The findings of `check --format json` on `folder`, one compact line each.
std::string CompactFindings(const std::string& folder, const std::vector<std::string>& options) {
  std::vector<std::string> args = {"check", "--format", "json", "--fail-on", "never"};
  args.insert(args.end(), options.begin(), options.end());
  args.push_back(folder);
  const testing::CliRun run = RunCliInProcess(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json report = nlohmann::json::parse(run.out);
  std::string lines;
  for (const nlohmann::json& finding : report.at("findings")) {
    std::string path = finding.at("path").get<std::string>();
    if (path.rfind(folder + "/", 0) == 0) path = path.substr(folder.size() + 1);
    lines += path + ":" + std::to_string(finding.at("line").get<int>()) + ":" +
             std::to_string(finding.at("column").get<int>()) + ": " +
             finding.at("severity").get<std::string>() + ": " +
             finding.at("message").get<std::string>() + " [" +
             finding.at("ruleId").get<std::string>() + "]\n";
  }
  return lines;
}

std::vector<std::string> ExampleFolders() {
  std::vector<std::string> folders;
  for (const fs::directory_entry& entry : fs::directory_iterator(SourceDir() + "/examples")) {
    if (fs::exists(entry.path() / "expected.txt")) folders.push_back(entry.path().string());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

TEST(ExamplesTest, EveryExampleHasItsExpectedFindings) {
  const std::vector<std::string> folders = ExampleFolders();
  ASSERT_GE(folders.size(), 8u);
  for (const std::string& folder : folders) {
    EXPECT_EQ(CompactFindings(folder, {}), ReadText(fs::path(folder) / "expected.txt"))
        << "findings of " << folder << " differ from its expected.txt";
  }
}

TEST(ExamplesTest, SoftwareThatIsNotKestraGivesNoFindings) {
  EXPECT_EQ(CompactFindings(SourceDir() + "/examples/not-kestra", {}), "");
  EXPECT_EQ(CompactFindings(SourceDir() + "/examples/not-kestra", {"--edition", "ee"}), "");
}

TEST(ExamplesTest, WholeDeploymentRepositoryListsEachFindingOnceInAStableOrder) {
  const std::string folder = SourceDir() + "/examples/deployment-repo";
  const std::string sequential = CompactFindings(folder, {"--jobs", "1"});
  EXPECT_EQ(CompactFindings(folder, {"--jobs", "4"}), sequential);
  std::set<std::string> seen;
  std::istringstream lines(sequential);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_TRUE(seen.insert(line).second) << "listed twice: " << line;
  }
  EXPECT_GE(seen.size(), 5u);
}

TEST(ExamplesTest, ExamplesNeverPrintTheirSecrets) {
  for (const std::string& folder : ExampleFolders()) {
    for (const char* format : {"text", "json"}) {
      const testing::CliRun run =
          RunCliInProcess({"check", "--format", format, "--fail-on", "never", folder});
      for (const char* secret : {"k3str4", "change-me", "not-a-real-license-key",
                                 "not-a-real-token"}) {
        EXPECT_EQ(run.out.find(secret), std::string::npos) << secret << " in " << folder;
      }
    }
  }
}

}  // namespace
}  // namespace kestra_lint
