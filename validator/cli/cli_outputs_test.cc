// The command line's output options: several --format in one run, --output,
// the GitHub Actions default, and kestra-lint audit.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "cli/cli.h"
#include "external_tool.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::ReadFile;
using testing::RunCliInProcess;
using testing::TempDir;

// Sets an environment variable for one test and restores it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    had_value_ = old != nullptr;
    if (had_value_) old_value_ = old;
    if (value != nullptr)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_value_)
      setenv(name_, old_value_.c_str(), 1);
    else
      unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  bool had_value_ = false;
  std::string old_value_;
};

// A small setup with an error, a warning and a value that holds markup.
void WriteProject(const TempDir& dir) {
  dir.Write("conf/application.yml", testing::kRemovedDefaultTenantConfig);
  dir.Write("flows/call.yml",
            "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n"
            "    uri: http://kestra:8080/api/v1/executions/n/f # <script>x</script>\n");
}

TEST(CliOutputsTest, SeveralFormatsInOneRun) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const std::string sarif = dir.path() + "/out.sarif";
  const std::string junit = dir.path() + "/junit.xml";
  const auto run =
      RunCliInProcess({"check", "--no-color", "--format", "sarif=" + sarif, "--format",
                       "junit=" + junit, "--format", "compact", dir.path() + "/application.yml"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.out, dir.path() +
                         "/application.yml:4:7: error: 'kestra.ee.tenants.defaultTenant' was "
                         "removed in Kestra 0.23: the tenant-less default tenant is gone, and "
                         "Kestra ignores this key without a warning [removed-default-tenant]\n");
  const nlohmann::json log = nlohmann::json::parse(ReadFile(sarif));
  ASSERT_EQ(log["runs"][0]["results"].size(), 1u);
  EXPECT_EQ(log["runs"][0]["results"][0]["ruleId"], "removed-default-tenant");
  EXPECT_NE(ReadFile(junit).find("<testcase name=\"removed-default-tenant at 4:7\""),
            std::string::npos);
}

TEST(CliOutputsTest, OutputWritesTheFormatWithoutAFile) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const std::string report = dir.path() + "/report.json";
  const auto run = RunCliInProcess(
      {"check", "--format", "gitlab", "--output", report, dir.path() + "/application.yml"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(nlohmann::json::parse(ReadFile(report))[0]["check_name"], "removed-default-tenant");
}

TEST(CliOutputsTest, GithubIsTheDefaultInsideGithubActions) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  {
    const ScopedEnv actions("GITHUB_ACTIONS", "true");
    EXPECT_EQ(RunCliInProcess({"check", dir.path()}).out.rfind("::error title=kestra-lint ", 0),
              0u);
    // An explicit --format wins.
    EXPECT_EQ(
        RunCliInProcess({"check", "--format", "compact", dir.path()}).out.rfind(dir.path(), 0), 0u);
  }
  const ScopedEnv elsewhere("GITHUB_ACTIONS", nullptr);
  EXPECT_EQ(RunCliInProcess({"check", "--no-color", dir.path()}).out.find("::error"),
            std::string::npos);
}

TEST(CliOutputsTest, ConflictingOutputsAreUsageErrors) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const std::string file = dir.path() + "/x";
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--format", "text", "--format", "json"}, "only one format can go to standard output"},
      {{"--format", "sarif="}, "--format sarif=: no file after '='"},
      {{"--format", "sarif=" + file, "--format", "junit=" + file}, "two outputs write to"},
      {{"--format", "sarif=" + file, "--output", file + "2"}, "--output is not used"},
      {{"--format", "xml=" + file}, "unknown format 'xml'"},
  };
  for (const auto& [options, message] : cases) {
    std::vector<std::string> args = {"check"};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(dir.path());
    const auto run = RunCliInProcess(args);
    EXPECT_EQ(run.exit_code, 2) << message;
    EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
  }
}

TEST(CliOutputsTest, UnwritableOutputFileIsAUsageError) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const auto run = RunCliInProcess(
      {"check", "--format", "sarif=" + dir.path() + "/no/such/dir/out.sarif", dir.path()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot write " + dir.path() + "/no/such/dir/out.sarif"),
            std::string::npos)
      << run.err;
}

TEST(CliOutputsTest, RealRunSarifPassesTheSarifMultitool) {
  const std::string multitool = testing::SarifMultitool();
  if (!testing::IsExecutable(multitool)) {
    GTEST_SKIP() << "SARIF Multitool not installed at " << multitool << " (scripts/deps.sh)";
  }
  const TempDir dir;
  WriteProject(dir);
  const std::string log = dir.path() + "/out.sarif";
  const auto run = RunCliInProcess({"check", "--edition", "ee", "--format", "sarif=" + log,
                                    dir.path() + "/conf", dir.path() + "/flows"});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(testing::SarifMultitoolProblems(log), "");
}

// Only SARIF names each file's hash, so the scan hashes the files when a
// SARIF output is among the formats asked for, even if it is not the first.
TEST(CliOutputsTest, SarifArtifactsHoldTheHashOfEachFileRead) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const std::string sarif = dir.path() + "/out.sarif";
  const auto run = RunCliInProcess({"check", "--format", "compact", "--format", "sarif=" + sarif,
                                    dir.path() + "/application.yml"});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  const nlohmann::json log = nlohmann::json::parse(ReadFile(sarif));
  ASSERT_EQ(log["runs"][0]["artifacts"].size(), 1u);
  EXPECT_EQ(log["runs"][0]["artifacts"][0]["hashes"]["sha-256"],
            Sha256Hex(testing::kRemovedDefaultTenantConfig));
}

TEST(CliOutputsTest, AuditWritesByteIdenticalReportsForIdenticalInputs) {
  const TempDir dir;
  WriteProject(dir);
  const ScopedEnv epoch("SOURCE_DATE_EPOCH", "1764316800");
  std::vector<std::string> reports[2];
  for (int i = 0; i < 2; ++i) {
    const std::string prefix = dir.path() + "/run" + std::to_string(i);
    const auto run = RunCliInProcess({"audit", "--jobs", "2", "--html", prefix + ".html", "--json",
                                      prefix + ".json", "--markdown", prefix + ".md",
                                      dir.path() + "/conf", dir.path() + "/flows"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    for (const char* extension : {".html", ".json", ".md"}) {
      reports[i].push_back(ReadFile(prefix + extension));
    }
  }
  EXPECT_EQ(reports[0], reports[1]);
  // The HTML and Markdown name the exact JSON file they go with.
  const std::string json_digest = Sha256Hex(reports[0][1]);
  EXPECT_NE(reports[0][0].find("<span id=\"json-sha256\" class=\"hash\">" + json_digest),
            std::string::npos);
  EXPECT_NE(reports[0][2].find("SHA-256 of the JSON report: " + json_digest), std::string::npos);
  const nlohmann::json audit = nlohmann::json::parse(reports[0][1]);
  EXPECT_EQ(audit["generatedAt"], "2025-11-28T08:00:00Z");
  EXPECT_EQ(audit["verdict"]["result"], "fail");
  ASSERT_EQ(audit["files"].size(), 2u);
  EXPECT_EQ(audit["files"][0]["sha256"], Sha256Hex(testing::kRemovedDefaultTenantConfig));
  // The config value holding <script> shows as text in every rendering.
  EXPECT_EQ(reports[0][0].find("<script"), std::string::npos);
  EXPECT_NE(reports[0][0].find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(reports[0][2].find("<script"), std::string::npos);
}

TEST(CliOutputsTest, AuditVerdictIsTheExitCode) {
  const TempDir dir;
  WriteProject(dir);
  const auto never =
      RunCliInProcess({"audit", "--fail-on", "never", "--json", "-", dir.path() + "/conf"});
  EXPECT_EQ(never.exit_code, 0) << never.err;
  EXPECT_EQ(nlohmann::json::parse(never.out)["verdict"]["result"], "pass");
  EXPECT_EQ(RunCliInProcess({"audit", "--markdown", "-", dir.path() + "/conf"}).exit_code, 1);
}

TEST(CliOutputsTest, AuditUsageErrors) {
  const TempDir dir;
  WriteProject(dir);
  const auto nothing = RunCliInProcess({"audit", dir.path()});
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.err.find("give at least one of --html, --json, --markdown"), std::string::npos);
  EXPECT_EQ(RunCliInProcess({"audit", "--json", "-", "--html", "-", dir.path()}).exit_code, 2);
  const std::string report = dir.path() + "/report";
  const auto same_file =
      RunCliInProcess({"audit", "--json", report, "--markdown", report, dir.path()});
  EXPECT_EQ(same_file.exit_code, 2);
  EXPECT_NE(same_file.err.find("two reports would go to the same file"), std::string::npos);
  const ScopedEnv epoch("SOURCE_DATE_EPOCH", "yesterday");
  const auto bad_epoch = RunCliInProcess({"audit", "--json", "-", dir.path()});
  EXPECT_EQ(bad_epoch.exit_code, 2);
  EXPECT_NE(bad_epoch.err.find("SOURCE_DATE_EPOCH must be a number"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
