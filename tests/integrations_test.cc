// The integration files in examples/integrations/ (docs/integrations.md):
// each is parsed, checked against what its consumer needs, and where it runs
// kestra-lint, that command is run for real against a small project.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "external_tool.h"
#include "extract/source_kind.h"
#include "github_action.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::ReadFile;
using testing::RunShell;
using testing::SourceDir;
using testing::TempDir;

std::string Example(const std::string& name) {
  return SourceDir() + "/examples/integrations/" + name;
}

// A project with findings of two severities and a file name holding ':'.
void WriteProjectWithAColonInAPath(const TempDir& dir) {
  dir.Write("conf/application.yml", "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n");
  dir.Write("flows/call.yml",
            "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n"
            "    uri: http://kestra:8080/api/v1/executions/n/f\n");
  dir.Write("odd:dir/application.yml", "kestra: [1, 2\n");
}

// `command` as written in an integration file, run in `dir` with the
// kestra-lint just built.
testing::CliRun RunAsWritten(const std::string& command, const TempDir& dir) {
  std::string resolved = command;
  const std::string program = "kestra-lint ";
  for (size_t at = resolved.find(program); at != std::string::npos;
       at = resolved.find(program, at + 1)) {
    if (at == 0 || resolved[at - 1] == ' ' || resolved[at - 1] == '\n') {
      resolved.replace(at, program.size(), std::string(KESTRA_LINT_BINARY) + " ");
    }
  }
  return RunShell("cd " + dir.path() + " && (" + resolved + ") 2>&1");
}

TEST(IntegrationsTest, PreCommitHooksAtTheRootAreTheExample) {
  const std::string root = ReadFile(SourceDir() + "/.pre-commit-hooks.yaml");
  ASSERT_FALSE(root.empty());
  EXPECT_EQ(root, ReadFile(Example(".pre-commit-hooks.yaml")));
}

TEST(IntegrationsTest, PreCommitHooksDeclareWhatPreCommitNeeds) {
  const YAML::Node hooks = YAML::LoadFile(Example(".pre-commit-hooks.yaml"));
  ASSERT_TRUE(hooks.IsSequence());
  ASSERT_EQ(hooks.size(), 2u);
  for (const YAML::Node& hook : hooks) {
    for (const char* key : {"id", "name", "entry", "language"}) {
      EXPECT_TRUE(hook[key].IsScalar()) << key;
    }
    EXPECT_EQ(hook["language"].as<std::string>(), "system");
    EXPECT_EQ(hook["entry"].as<std::string>().rfind("kestra-lint check --format compact", 0), 0u);
  }
  EXPECT_EQ(hooks[0]["id"].as<std::string>(), "kestra-lint");
  // pre-commit matches `files` with Python's re.search; this pattern means the
  // same in ECMAScript.
  const std::regex files(hooks[0]["files"].as<std::string>());
  const std::regex exclude(hooks[0]["exclude"].as<std::string>());
  // Every kind a folder scan reads: each file pattern of the registry, at the
  // root and in a folder.
  for (const SourceKind& kind : SourceKinds()) {
    for (std::string_view pattern : kind.file_patterns) {
      std::string name(pattern);
      for (size_t star = name.find('*'); star != std::string::npos; star = name.find('*'))
        name.replace(star, 1, "sample");
      for (const std::string& path : {name, "deploy/" + name}) {
        EXPECT_TRUE(std::regex_search(path, files)) << kind.name << ": " << path;
        EXPECT_FALSE(std::regex_search(path, exclude)) << path;
      }
    }
  }
  for (const char* path : {"src/main.cc", "logo.png", "yml/notes.docx", "Makefile.bak"}) {
    EXPECT_FALSE(std::regex_search(path, files)) << path;
  }
  for (const char* path : {"node_modules/kestra-client/index.js", "web/dist/app.js",
                           "vendor/github.com/x/client.go", "build-release/config.json"}) {
    EXPECT_TRUE(std::regex_search(path, exclude)) << path;
  }
  EXPECT_FALSE(hooks[1]["pass_filenames"].as<bool>());
}

TEST(IntegrationsTest, PreCommitEntryRunsOnTheFilesPreCommitPasses) {
  const TempDir dir;
  WriteProjectWithAColonInAPath(dir);
  const YAML::Node hooks = YAML::LoadFile(Example(".pre-commit-hooks.yaml"));
  const auto run = RunAsWritten(hooks[0]["entry"].as<std::string>() + " conf/application.yml", dir);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind("conf/application.yml:4:7: error: ", 0), 0u) << run.out;
}

TEST(IntegrationsTest, GithubWorkflowIsValidForActionValidator) {
  const std::string validator = testing::ActionValidator();
  if (!testing::IsExecutable(validator)) {
    GTEST_SKIP() << "action-validator not installed at " << validator
                 << " (npm @action-validator/cli; scripts/deps.sh installs it)";
  }
  const auto run = RunShell(validator + " " + Example("github-workflow.yml") + " 2>&1");
  EXPECT_EQ(run.exit_code, 0) << run.out;
}

TEST(IntegrationsTest, GithubWorkflowUploadsTheSarifItsActionStepWrites) {
  const YAML::Node workflow = YAML::LoadFile(Example("github-workflow.yml"));
  EXPECT_EQ(workflow["permissions"]["security-events"].as<std::string>(), "write");
  const YAML::Node steps = workflow["jobs"]["kestra-lint"]["steps"];
  YAML::Node lint;
  YAML::Node upload;
  for (const YAML::Node& step : steps) {
    const std::string uses = step["uses"] ? step["uses"].as<std::string>() : "";
    if (uses == "your-org/kestra-lint@v1") lint = step;
    if (uses.rfind("github/codeql-action/upload-sarif@", 0) == 0) upload = step;
  }
  ASSERT_TRUE(lint.IsMap());
  ASSERT_TRUE(upload.IsMap());
  EXPECT_NE(upload["if"].as<std::string>().find("always()"), std::string::npos);
  const std::string sarif_file = upload["with"]["sarif_file"].as<std::string>();

  const TempDir dir;
  WriteProjectWithAColonInAPath(dir);
  const auto result = testing::RunAction(lint["with"], dir.path());
  EXPECT_EQ(result.run.exit_code, 1) << result.run.out;
  EXPECT_NE(result.run.out.find(
                "::error title=kestra-lint removed-default-tenant,file=conf/application.yml"),
            std::string::npos)
      << result.run.out;
  const nlohmann::json log = nlohmann::json::parse(ReadFile(dir.path() + "/" + sarif_file));
  EXPECT_EQ(log["runs"][0]["results"].size(), 3u);
  EXPECT_NE(ReadFile(dir.path() + "/kestra-lint-junit.xml").find("<testsuites"), std::string::npos);
}

TEST(IntegrationsTest, GitlabJobPublishesTheCodeQualityReportItsScriptWrites) {
  const YAML::Node pipeline = YAML::LoadFile(Example(".gitlab-ci.yml"));
  const YAML::Node job = pipeline["kestra-lint"];
  ASSERT_TRUE(job.IsMap());
  EXPECT_EQ(job["stage"].as<std::string>(), pipeline["stages"][0].as<std::string>());
  const std::string code_quality = job["artifacts"]["reports"]["codequality"].as<std::string>();
  const std::string junit = job["artifacts"]["reports"]["junit"].as<std::string>();
  EXPECT_EQ(job["artifacts"]["when"].as<std::string>(), "always");

  const TempDir dir;
  WriteProjectWithAColonInAPath(dir);
  const auto run = RunAsWritten(job["script"][0].as<std::string>(), dir);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  const nlohmann::json issues = nlohmann::json::parse(ReadFile(dir.path() + "/" + code_quality));
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0]["location"]["path"], "conf/application.yml");
  EXPECT_NE(ReadFile(dir.path() + "/" + junit).find("<testsuites "), std::string::npos);
}

// The problem matcher's regexp, applied as VS Code applies it (JavaScript
// RegExp; std::regex's ECMAScript grammar reads it the same) to real compact
// output, must give back each finding's file, position, severity and rule.
TEST(IntegrationsTest, VscodeProblemMatcherParsesCompactOutput) {
  const nlohmann::json tasks = nlohmann::json::parse(ReadFile(Example("vscode/tasks.json")));
  const nlohmann::json& task = tasks["tasks"][0];
  const nlohmann::json& pattern = task["problemMatcher"]["pattern"];
  std::string command = task["command"];
  for (const auto& arg : task["args"]) command += " " + arg.get<std::string>();

  const TempDir dir;
  WriteProjectWithAColonInAPath(dir);
  const auto compact = RunAsWritten(command, dir);
  const auto json = RunAsWritten("kestra-lint check --format json .", dir);
  const nlohmann::json findings = nlohmann::json::parse(json.out)["findings"];
  ASSERT_EQ(findings.size(), 3u);

  const std::regex regexp(pattern["regexp"].get<std::string>());
  std::istringstream lines(compact.out);
  std::string line;
  size_t index = 0;
  while (std::getline(lines, line)) {
    SCOPED_TRACE(line);
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, regexp));
    ASSERT_LT(index, findings.size());
    const nlohmann::json& finding = findings[index++];
    EXPECT_EQ(match[pattern["file"].get<int>()].str(), finding["path"]);
    EXPECT_EQ(std::stoi(match[pattern["line"].get<int>()]), finding["line"]);
    EXPECT_EQ(std::stoi(match[pattern["column"].get<int>()]), finding["column"]);
    EXPECT_EQ(match[pattern["severity"].get<int>()].str(), finding["severity"]);
    EXPECT_EQ(match[pattern["code"].get<int>()].str(), finding["ruleId"]);
    EXPECT_EQ(match[pattern["message"].get<int>()].str(), finding["message"]);
  }
  EXPECT_EQ(index, findings.size());
  EXPECT_EQ(findings[2]["path"], "odd:dir/application.yml");
}

}  // namespace
}  // namespace kestra_lint
