#include "cli/cli.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::RunBinary;
using testing::RunCliInProcess;
using testing::TempDir;

TEST(CliTest, ExitCodeZeroWhenClean) {
  const TempDir dir;
  dir.Write("application.yml", "kestra:\n  url: http://localhost:8080/\n");
  const auto run = RunCliInProcess({"check", dir.path()});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

TEST(CliTest, ExitCodeOneOnErrorFindings) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const auto run = RunCliInProcess({"check", "--no-color", dir.path()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("application.yml:4:7: error: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("[removed-default-tenant]"), std::string::npos);
}

TEST(CliTest, FailOnDecidesTheExitCode) {
  const TempDir dir;
  dir.Write("flow.yml",
            "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n"
            "    uri: http://kestra:8080/api/v1/executions/n/f\n");
  EXPECT_EQ(RunCliInProcess({"check", "--edition", "oss", dir.path()}).exit_code, 0);
  EXPECT_EQ(
      RunCliInProcess({"check", "--edition", "oss", "--fail-on", "warning", dir.path()}).exit_code,
      1);
  EXPECT_EQ(
      RunCliInProcess({"check", "--edition", "ee", "--fail-on", "never", dir.path()}).exit_code, 0);
}

TEST(CliTest, ExitCodeTwoOnUsageErrors) {
  EXPECT_EQ(RunCliInProcess({"check", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(RunCliInProcess({"check", "--edition", "community"}).exit_code, 2);
  EXPECT_EQ(RunCliInProcess({"check", "--target-version", "latest"}).exit_code, 2);
  EXPECT_EQ(RunCliInProcess({"check", "/no/such/path"}).exit_code, 2);
  EXPECT_EQ(RunCliInProcess({"explain", "removed-default-tenants"}).exit_code, 2);
  EXPECT_EQ(RunCliInProcess({"frobnicate"}).exit_code, 2);
}

// A target or running version must be a release the packs know: 9.9 would
// silently check nothing. The error lists the known ones.
TEST(CliTest, UnknownVersionsAreRefusedWithTheKnownOnes) {
  for (const char* option : {"--target-version", "--from-version"}) {
    const auto run = RunCliInProcess({"check", option, "9.9", "."});
    EXPECT_EQ(run.exit_code, 2) << option;
    EXPECT_NE(run.err.find(std::string("kestra-lint: ") + option +
                           ": '9.9' is not a Kestra release the rule packs know; known: 0.20, "
                           "0.21, 0.22, 0.23, 0.24, 1.0, 1.1, 1.2, 1.3"),
              std::string::npos)
        << run.err;
  }
  TempDir dir;
  dir.Write("application.yml", "kestra:\n  url: http://kestra:8080/\n");
  EXPECT_EQ(RunCliInProcess({"check", "--target-version", "1.0.3", dir.path()}).exit_code, 0);
}

// The running version decides which changes are still ahead: from 0.23 on,
// the 0.23 tenant changes are behind the installation, and a key Kestra has
// ignored since then is only an info.
TEST(CliTest, FromVersionLimitsTheFindingsToTheUpgradeRange) {
  TempDir dir;
  dir.Write("application.yml",
            "kestra:\n  ee:\n    tenants:\n      enabled: false\n  queue:\n    type: kafka\n");
  const auto all = RunCliInProcess({"check", "--format", "json", dir.path()});
  EXPECT_NE(all.out.find("removed-tenants-enabled"), std::string::npos);
  EXPECT_NE(all.out.find("kafka-queues-recreated"), std::string::npos);
  EXPECT_NE(all.out.find("\"runningVersion\": null"), std::string::npos) << all.out;
  const auto after =
      RunCliInProcess({"check", "--format", "json", "--from-version", "0.23.1", dir.path()});
  EXPECT_EQ(after.out.find("kafka-queues-recreated"), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("has been ignored since Kestra 0.23, which this installation already "
                           "runs (0.23.1)"),
            std::string::npos)
      << after.out;
  EXPECT_EQ(after.exit_code, 0);
  EXPECT_NE(after.out.find("\"runningVersion\": \"0.23.1\""), std::string::npos) << after.out;
  const auto text = RunCliInProcess({"check", dir.path()});
  EXPECT_NE(text.out.find("current Kestra unknown (no Kestra image tag or chart version shows it"),
            std::string::npos)
      << text.out;
}

TEST(CliTest, ExplainSuggestsTheClosestRule) {
  const auto run = RunCliInProcess({"explain", "removed-default-tenants"});
  EXPECT_NE(run.err.find("did you mean 'removed-default-tenant'"), std::string::npos) << run.err;
}

TEST(CliTest, InvalidRulePackIsAPositionedUsageError) {
  const TempDir dir;
  const std::string pack = dir.Write(
      "pack.yaml",
      "id: extra\nversion: 1.0.0\ntitle: Extra\nrules:\n  - id: x\n    type: PropertySet\n"
      "    title: X\n    severity: fatal\n    message: m\n    properties: [a.b]\n");
  const auto run = RunCliInProcess({"check", "--rules", pack, dir.path()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("pack.yaml:8:15: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("/rules/0/severity"), std::string::npos) << run.err;
}

TEST(CliTest, ExtraRulePackAddsARuleByDataAlone) {
  const TempDir dir;
  const std::string pack = dir.Write(
      "pack.yaml",
      "id: kestra-9.9\nversion: 1.0.0\ntitle: Future\nrules:\n  - id: removed-future-key\n"
      "    type: PropertySet\n    title: Future key removed\n    severity: warning\n"
      "    message: \"'{written}' is gone\"\n    properties: [kestra.future.someKey]\n");
  dir.Write("conf/application.yml", "kestra:\n  future:\n    some-key: 1\n");
  const auto run =
      RunCliInProcess({"check", "--rules", pack, "--fail-on", "warning", dir.path() + "/conf"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("application.yml:3:5: warning: 'kestra.future.some-key' is gone "
                         "[removed-future-key]"),
            std::string::npos)
      << run.out;
  // --rules takes one pack per occurrence: the path after it is a path to check.
  const auto before_path = RunCliInProcess({"check", "--rules", pack, dir.path() + "/conf"});
  EXPECT_EQ(before_path.exit_code, 0) << before_path.err;
  EXPECT_NE(before_path.out.find("[removed-future-key]"), std::string::npos) << before_path.out;
}

// The 2.0 preview pack is compiled in but loaded only when asked for.
TEST(CliTest, PreviewPackOnlyWithPreview) {
  const TempDir dir;
  dir.Write("docker-compose.yml", "services:\n  kestra:\n    image: kestra/kestra:v0.22.6\n");
  const auto plain = RunCliInProcess({"check", "--format", "compact", dir.path()});
  EXPECT_EQ(plain.out.find("preview-2-0"), std::string::npos) << plain.out;
  const auto preview =
      RunCliInProcess({"check", "--format", "compact", "--preview", "2.0", dir.path()});
  EXPECT_NE(preview.out.find("[preview-2-0-data-before-1-0]"), std::string::npos) << preview.out;
  EXPECT_NE(RunCliInProcess({"rules", "--preview", "2.0"}).out.find("kestra-2.0-preview"),
            std::string::npos);
  const auto unknown = RunCliInProcess({"check", "--preview", "9.9", dir.path()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("9.9"), std::string::npos) << unknown.err;
}

TEST(CliTest, StandardInputUsesStdinFilename) {
  const auto run = RunCliInProcess({"check", "--stdin-filename", "deploy/application.yml", "-"},
                                   testing::kRemovedDefaultTenantConfig);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("deploy/application.yml:4:7:"), std::string::npos) << run.out;
}

TEST(CliTest, JsonOutputMatchesItsSchema) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  dir.Write("broken.yml", "a: [1, 2\n");
  const auto run = RunCliInProcess({"check", "--format", "json", dir.path()});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  const nlohmann::json output = nlohmann::json::parse(run.out);
  const nlohmann::json schema =
      nlohmann::json::parse(FindEmbeddedFile("schemas/findings.schema.json")->bytes);
  const auto errors = ValidateAgainstSchema(schema, output);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front().message);
  ASSERT_EQ(output["findings"].size(), 2u);
  EXPECT_EQ(output["findings"][0]["ruleId"], "removed-default-tenant");
  EXPECT_EQ(output["findings"][0]["line"], 4);
  EXPECT_EQ(output["findings"][0]["column"], 7);
  EXPECT_EQ(output["findings"][1]["ruleId"], "yaml-syntax");
  EXPECT_EQ(output["summary"]["errors"], 2);
}

TEST(CliTest, VersionNamesTheRulePacks) {
  const auto run = RunCliInProcess({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("kestra-lint "), std::string::npos);
  EXPECT_NE(run.out.find("rule pack kestra-0.23-tenants 1.0.0 sha256:"), std::string::npos);
}

TEST(CliTest, RealBinaryHonoursNoColorAndExitCodes) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const auto run = RunBinary("check --no-color " + dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.find("\033["), std::string::npos);
  EXPECT_EQ(RunBinary("check --format nope").exit_code, 2);
}

TEST(CliTest, ColourOnATerminalUnlessNoColor) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "script(1) is absent: cannot give the binary a terminal";
  }
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const std::string command =
      std::string("script -qec '") + KESTRA_LINT_BINARY + " check " + dir.path() + "' /dev/null";
  const auto coloured = testing::ShellOutput(command);
  EXPECT_NE(coloured.find("\033[1;31merror:"), std::string::npos) << coloured;
  const auto plain = testing::ShellOutput("NO_COLOR=1 " + command);
  EXPECT_EQ(plain.find("\033["), std::string::npos) << plain;
  EXPECT_NE(plain.find("application.yml:4:7: error:"), std::string::npos) << plain;
}

// no-color.org: an empty NO_COLOR changes nothing; --color overrides both ways.
TEST(CliTest, ColorOptionAndEmptyNoColor) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "script(1) is absent: cannot give the binary a terminal";
  }
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  auto on_terminal = [&](const std::string& options) {
    return std::string("script -qec '") + KESTRA_LINT_BINARY + " check " + options + " " +
           dir.path() + "' /dev/null";
  };
  EXPECT_NE(testing::ShellOutput("NO_COLOR= " + on_terminal("")).find("\033["), std::string::npos);
  EXPECT_EQ(testing::ShellOutput(on_terminal("--color never")).find("\033["), std::string::npos);
  EXPECT_NE(testing::ShellOutput("NO_COLOR=1 " + on_terminal("--color always")).find("\033["),
            std::string::npos);
  EXPECT_NE(RunBinary("check --color=always " + dir.path()).out.find("\033["), std::string::npos);
  EXPECT_EQ(RunBinary("check --color=sometimes " + dir.path()).exit_code, 2);
}

TEST(CliTest, CommandLineMistakesCarryTheToolsPrefix) {
  const auto run = RunCliInProcess({"check", "--no-such-option"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("kestra-lint: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("--no-such-option"), std::string::npos) << run.err;
}

TEST(CliTest, LanguageServerAcceptsStdio) {
  const auto run = RunBinary("lsp --stdio", "");
  EXPECT_NE(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.err.find("--stdio"), std::string::npos) << run.err;
}

TEST(CliTest, WritingABaselineExitsZero) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const auto run =
      RunCliInProcess({"check", "--write-baseline", dir.path() + "/b.json", dir.path()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(RunCliInProcess({"check", "--baseline", dir.path() + "/b.json", dir.path()}).exit_code,
            0);
}

TEST(CliTest, OutputsAreComparedByResolvedPathAndWritesAreChecked) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const std::string out = dir.path() + "/out.json";
  const std::string same = dir.path() + "/./out.json";
  EXPECT_EQ(
      RunCliInProcess({"check", "--format", "json=" + out, "--format", "sarif=" + same, dir.path()})
          .exit_code,
      2);
  EXPECT_EQ(RunCliInProcess({"audit", "--json", out, "--markdown", same, dir.path()}).exit_code, 2);
  // A full standard output is a failure, not exit 0.
  const std::string full = testing::ShellOutput(std::string(KESTRA_LINT_BINARY) + " check " +
                                                dir.path() + " > /dev/full 2>&1; echo $?");
  EXPECT_NE(full.find("2\n"), std::string::npos) << full;
  // A report file is replaced whole or not at all.
  dir.Write("old.json", "previous\n");
  EXPECT_EQ(RunCliInProcess({"check", "--format", "json=" + dir.path() + "/old.json", dir.path()})
                .exit_code,
            1);
  EXPECT_TRUE(nlohmann::json::parse(testing::ShellOutput("cat " + dir.path() + "/old.json"))
                  .contains("findings"));
  EXPECT_EQ(
      RunCliInProcess({"check", "--format", "json=" + dir.path() + "/no/such/dir.json", dir.path()})
          .exit_code,
      2);
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/no"));
}

TEST(CliTest, NothingToCheckIsSaid) {
  const TempDir dir;
  dir.Write("logo.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  const auto run = RunCliInProcess({"check", dir.path()});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.err.find("kestra-lint: nothing to check: no file of a kind kestra-lint reads "
                         "under " +
                         dir.path()),
            std::string::npos)
      << run.err;
}

TEST(CliTest, RulesAndExplainReadTheRulePacksOfTheSettings) {
  const TempDir dir;
  dir.Write("packs/team.yaml",
            "id: extra\nversion: 1.0.0\ntitle: Extra\nrules:\n  - id: removed-future-key\n"
            "    type: PropertySet\n    title: Future key removed\n    severity: warning\n"
            "    message: \"{written} is gone\"\n    properties: [kestra.future.someKey]\n");
  dir.Write(".kestra-lint.yaml", "rulePacks: [packs/team.yaml]\n");
  const std::string in_dir = "cd " + dir.path() + " && " + KESTRA_LINT_BINARY;
  EXPECT_NE(testing::ShellOutput(in_dir + " rules").find("removed-future-key"), std::string::npos);
  EXPECT_NE(
      testing::ShellOutput(in_dir + " explain removed-future-key 2>&1").find("Future key removed"),
      std::string::npos);
}

TEST(CliTest, RulesListsEveryRuleOfEveryPack) {
  const auto run = RunCliInProcess({"rules"});
  EXPECT_EQ(run.exit_code, 0);
  for (const auto& rule : testing::BuiltinRules().rules) {
    EXPECT_NE(run.out.find("  " + rule->id() + " "), std::string::npos) << rule->id();
  }
  const auto json = nlohmann::json::parse(RunCliInProcess({"rules", "--format", "json"}).out);
  EXPECT_EQ(json.size(), testing::BuiltinRules().rules.size());
}

TEST(CliTest, DefaultPathIsTheCurrentFolder) {
  const TempDir dir;
  dir.Write("application.yml", testing::kRemovedDefaultTenantConfig);
  const auto run =
      testing::ShellOutput("cd " + dir.path() + " && " + KESTRA_LINT_BINARY + " check --no-color");
  EXPECT_NE(run.find("application.yml:4:7: error:"), std::string::npos) << run;
}

// fix and audit share check's options for what is scanned and how; fix alone
// cannot read standard input.
TEST(CliTest, FixAndAuditTakeTheScanOptionsOfCheck) {
  const std::string fix = RunCliInProcess({"fix", "--help"}).out;
  const std::string audit = RunCliInProcess({"audit", "--help"}).out;
  for (const char* option : {"--edition", "--tenant", "--target-version", "--fail-on", "--rules",
                             "--max-file-size", "--jobs", "--config", "--require-reason",
                             "--no-inline-suppressions", "--baseline", "--stdin-filename"}) {
    EXPECT_NE(fix.find(option), std::string::npos) << option;
    EXPECT_NE(audit.find(option), std::string::npos) << option;
  }
  EXPECT_NE(fix.find("Files or directories to fix (default .)"), std::string::npos);
  EXPECT_NE(fix.find("Tenant id to insert into URIs"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
