// Golden tests for examples/: every finding of `kestra-lint check` on each
// example setup, with its line and column, is pinned in the setup's
// expected.txt (path:line:col: severity: message [rule-id], paths relative
// to the setup).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> CompactFindings(const std::string& setup) {
  const auto run = testing::RunCliInProcess({"check", "--format", "json", setup});
  EXPECT_LE(run.exit_code, 1) << run.err;
  std::vector<std::string> lines;
  const nlohmann::json output = nlohmann::json::parse(run.out);
  for (const nlohmann::json& finding : output["findings"]) {
    const std::string path = finding["path"].get<std::string>().substr(setup.size() + 1);
    // The golden file itself quotes the setup's URIs; it is not part of the setup.
    if (path == "expected.txt") continue;
    lines.push_back(path + ":" + std::to_string(finding["line"].get<int>()) + ":" +
                    std::to_string(finding["column"].get<int>()) + ": " +
                    finding["severity"].get<std::string>() + ": " +
                    finding["message"].get<std::string>() + " [" +
                    finding["ruleId"].get<std::string>() + "]");
  }
  return lines;
}

TEST(ExamplesTest, EverySetupReportsExactlyWhatItsExpectedFileSays) {
  int setups = 0;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() + "/examples")) {
    const fs::path expected = entry.path() / "expected.txt";
    if (!fs::exists(expected)) continue;
    ++setups;
    SCOPED_TRACE(entry.path().string());
    EXPECT_EQ(CompactFindings(entry.path().string()), Lines(expected));
  }
  EXPECT_GE(setups, 4);
}

}  // namespace
}  // namespace kestra_lint
