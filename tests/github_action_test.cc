// The GitHub Action at the root (action.yml): valid for action-validator,
// pinned to the project's version, and its step runs kestra-lint's image with
// the inputs it is given.
#include "github_action.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "external_tool.h"
#include "report/report.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::ReadFile;
using testing::RunAction;
using testing::RunShell;
using testing::SourceDir;
using testing::TempDir;

void WriteProject(const TempDir& dir) {
  dir.Write("conf/application.yml", "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n");
  dir.Write("flows/call.yml",
            "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n"
            "    uri: http://kestra:8080/api/v1/executions/n/f\n");
}

TEST(GithubActionTest, ActionIsValidForActionValidator) {
  const std::string validator = testing::ActionValidator();
  if (!testing::IsExecutable(validator)) {
    GTEST_SKIP() << "action-validator not installed at " << validator
                 << " (npm @action-validator/cli; scripts/deps.sh installs it)";
  }
  const auto run = RunShell(validator + " " + SourceDir() + "/action.yml 2>&1");
  EXPECT_EQ(run.exit_code, 0) << run.out;
}

// The release workflow publishes the image under the name the action runs:
// ghcr.io/<owner, lower case>/kestra-lint:<version without the v>.
TEST(GithubActionTest, ReleaseWorkflowPublishesTheImageTheActionRuns) {
  const std::string workflow = SourceDir() + "/.github/workflows/release.yml";
  const std::string validator = testing::ActionValidator();
  if (testing::IsExecutable(validator)) {
    const auto run = RunShell(validator + " " + workflow + " 2>&1");
    EXPECT_EQ(run.exit_code, 0) << run.out;
  }
  EXPECT_NE(ReadFile(workflow).find(
                "image=\"ghcr.io/${GITHUB_REPOSITORY_OWNER,,}/kestra-lint:${GITHUB_REF_NAME#v}\""),
            std::string::npos);
  EXPECT_NE(ReadFile(SourceDir() + "/scripts/github-action.sh")
                .find("image=\"ghcr.io/${owner,,}/kestra-lint:$INPUT_VERSION\""),
            std::string::npos);
}

TEST(GithubActionTest, RunsTheImageOfTheProjectsVersionNotASourceBuild) {
  const YAML::Node action = YAML::LoadFile(SourceDir() + "/action.yml");
  EXPECT_EQ(action["inputs"]["version"]["default"].as<std::string>(), ToolVersion());
  EXPECT_EQ(action["runs"]["using"].as<std::string>(), "composite");
  for (const char* input : {"paths", "formats", "fail-on", "edition", "target-version", "sarif"}) {
    EXPECT_TRUE(action["inputs"][input]["description"].IsScalar()) << input;
  }
  const TempDir workspace;
  WriteProject(workspace);
  const auto result = RunAction(YAML::Node(YAML::NodeType::Map), workspace.path());
  EXPECT_EQ(result.image, "ghcr.io/your-org/kestra-lint:" + std::string(ToolVersion()));
  EXPECT_EQ(result.run.exit_code, 1) << result.run.out;
  EXPECT_NE(result.run.out.find(
                "::error title=kestra-lint removed-default-tenant,file=conf/application.yml"),
            std::string::npos)
      << result.run.out;
  EXPECT_EQ(result.outputs, "exit-code=1\n");
}

TEST(GithubActionTest, InputsBecomeOptionsAndSarifIsWritten) {
  const TempDir workspace;
  WriteProject(workspace);
  YAML::Node with;
  with["paths"] = "conf";
  with["fail-on"] = "never";
  with["edition"] = "oss";
  with["target-version"] = "0.23";
  with["formats"] = "compact json=reports/kestra-lint.json";
  with["sarif"] = "true";
  with["sarif-file"] = "kestra-lint.sarif";
  with["image"] = "registry.example/kestra-lint:test";
  workspace.Write("reports/.keep", "");
  const auto result = RunAction(with, workspace.path());
  EXPECT_EQ(result.image, "registry.example/kestra-lint:test");
  EXPECT_EQ(result.run.exit_code, 0) << result.run.out;
  EXPECT_EQ(result.run.out.rfind("conf/application.yml:4:7: error: ", 0), 0u) << result.run.out;
  EXPECT_EQ(result.outputs, "sarif-file=kestra-lint.sarif\nexit-code=0\n");
  const nlohmann::json log =
      nlohmann::json::parse(ReadFile(workspace.path() + "/kestra-lint.sarif"));
  ASSERT_EQ(log["runs"][0]["results"].size(), 1u);  // only conf/ was checked
  const nlohmann::json report =
      nlohmann::json::parse(ReadFile(workspace.path() + "/reports/kestra-lint.json"));
  EXPECT_EQ(report["settings"]["edition"], "oss");
  EXPECT_EQ(report["settings"]["targetVersion"], "0.23");
}

}  // namespace
}  // namespace kestra_lint
