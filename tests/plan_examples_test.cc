// Golden tests for examples/upgrade-plans/: `kestra-lint plan` with the
// arguments of each setup's `command` file prints exactly its
// expected-plan.txt (paths relative to the setup, the setup by its folder
// name), and the other formats carry the same steps.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "external_tool.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;
using testing::RunCliInProcess;

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
  std::vector<std::string> args = testing::SplitWords(testing::ReadFile(setup / "command"));
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
    const std::string relative = Replace(run.out, setup.string() + "/", "");
    EXPECT_EQ(Replace(relative, setup.string(), setup.filename().string()),
              testing::ReadFile(setup / "expected-plan.txt"));
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

TEST(PlanExamplesTest, TheAuditReportHoldsEachPlanInEveryRendering) {
  const fs::path setup = testing::SourceDir() + "/examples/upgrade-plans/ee-helm-chart-0.x-0.22";
  const auto plan = RunCliInProcess({"plan", "--format", "json", setup.string()});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const auto json = RunCliInProcess({"audit", "--json", "-", setup.string()});
  const nlohmann::json audit = nlohmann::json::parse(json.out);
  const nlohmann::json schema =
      nlohmann::json::parse(FindEmbeddedFile("schemas/audit.schema.json")->bytes);
  const auto errors = ValidateAgainstSchema(schema, audit);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : DeepestError(errors).message);
  EXPECT_EQ(audit["upgradePlans"], nlohmann::json::parse(plan.out)["plans"]);

  const auto markdown = RunCliInProcess({"audit", "--markdown", "-", setup.string()});
  EXPECT_NE(markdown.out.find("### Upgrade plan: "), std::string::npos);
  EXPECT_NE(markdown.out.find("- [ ] **1. Rewrite the Helm values for chart 1.0** (prepare, "
                              "Kestra 1.0)\n"),
            std::string::npos);
  const auto html = RunCliInProcess({"audit", "--html", "-", setup.string()});
  const size_t section = html.out.find("<section id=\"upgrade-plan\">");
  ASSERT_NE(section, std::string::npos);
  EXPECT_NE(html.out.find("<li><strong>Rewrite the Helm values for chart 1.0</strong>", section),
            std::string::npos);
}

// Run inside a git repository without a .kestra-lint.yaml, the installation
// is the repository; the plan is still titled by what the user pointed at.
TEST(PlanExamplesTest, APlanIsTitledByThePathGiven) {
  const fs::path setup = testing::SourceDir() + "/examples/upgrade-plans/oss-compose-0.22";
  const auto given = RunCliInProcess({"plan", setup.string()});
  EXPECT_EQ(given.out.substr(0, given.out.find('\n')), "Upgrade plan for " + setup.string());
  const fs::path before = fs::current_path();
  fs::current_path(setup);
  const auto here = RunCliInProcess({"plan"});
  const auto json = RunCliInProcess({"plan", "--format", "json", "."});
  fs::current_path(before);
  EXPECT_EQ(here.out.substr(0, here.out.find('\n')), "Upgrade plan for oss-compose-0.22");
  EXPECT_EQ(nlohmann::json::parse(json.out)["plans"][0]["name"], "oss-compose-0.22");
}

TEST(PlanExamplesTest, AnInvalidFromVersionIsAUsageError) {
  const auto run = RunCliInProcess({"plan", "--from-version", "next", "."});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--from-version: 'next' is not a Kestra release"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
