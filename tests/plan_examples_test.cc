// Golden tests for examples/upgrade-plans/: `kestra-lint plan` with the
// arguments of each setup's `command` file prints exactly its
// expected-plan.txt (paths relative to the setup), and the other formats
// carry the same steps.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;
using testing::RunCliInProcess;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::vector<fs::path> Setups() {
  std::vector<fs::path> setups;
  for (const auto& entry :
       fs::directory_iterator(testing::SourceDir() + "/examples/upgrade-plans")) {
    if (entry.is_directory()) setups.push_back(entry.path());
  }
  std::sort(setups.begin(), setups.end());
  return setups;
}

testing::CliRun RunPlan(const fs::path& setup, const std::vector<std::string>& extra) {
  std::vector<std::string> args = Words(ReadFile(setup / "command"));
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(setup.string());
  return RunCliInProcess(args);
}

TEST(PlanExamplesTest, EverySetupGivesItsExpectedPlan) {
  const std::vector<fs::path> setups = Setups();
  ASSERT_GE(setups.size(), 3u);
  for (const fs::path& setup : setups) {
    SCOPED_TRACE(setup.string());
    const auto run = RunPlan(setup, {});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(Replace(run.out, setup.string() + "/", ""), ReadFile(setup / "expected-plan.txt"));
  }
}

TEST(PlanExamplesTest, JsonAndMarkdownListTheSameSteps) {
  for (const fs::path& setup : Setups()) {
    SCOPED_TRACE(setup.string());
    const auto json_run = RunPlan(setup, {"--format", "json"});
    ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
    const nlohmann::json json = nlohmann::json::parse(json_run.out);
    ASSERT_EQ(json["plans"].size(), 1u);
    const auto markdown = RunPlan(setup, {"--format", "markdown"});
    ASSERT_EQ(markdown.exit_code, 0) << markdown.err;
    size_t headings = 0;
    for (size_t at = markdown.out.find("\n## "); at != std::string::npos;
         at = markdown.out.find("\n## ", at + 1)) {
      ++headings;
    }
    EXPECT_EQ(headings, json["plans"][0]["steps"].size());
    for (const auto& step : json["plans"][0]["steps"]) {
      for (const auto& command : step["commands"]) {
        EXPECT_NE(markdown.out.find(command.get<std::string>() + "\n"), std::string::npos);
      }
    }
  }
}

TEST(PlanExamplesTest, AnInvalidFromVersionIsAUsageError) {
  const auto run = RunCliInProcess({"plan", "--from-version", "next", "."});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--from-version: 'next' is not a Kestra release"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
