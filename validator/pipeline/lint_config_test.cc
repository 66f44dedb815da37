#include "pipeline/lint_config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "base/tool_input.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::RunCliInProcess;
using testing::TempDir;

const char kLegacy[] =
    "kestra:\n  ee:\n    tenants:\n      enabled: true\n  queue:\n    type: kafka\n";

TEST(LintConfigTest, ParsesEverySetting) {
  const LintConfig config = ParseConfig(
      "rules:\n  kafka-queues-recreated: off\n  removed-tenants-enabled: warning\n"
      "  api-uri-missing-tenant: {enabled: true, severity: error}\n"
      "include: ['**/*.yml']\nexclude: [legacy/]\nedition: ee\ntenant: acme\n"
      "targetVersion: '0.23'\nfailOn: warning\nrulePacks: [packs/extra.yaml]\n"
      "requireReason: true\nbaseline: kestra-lint-baseline.json\n",
      "repo/.kestra-lint.yaml");
  EXPECT_EQ(config.rules.at("kafka-queues-recreated").enabled, false);
  EXPECT_EQ(config.rules.at("removed-tenants-enabled").severity, Severity::kWarning);
  EXPECT_EQ(config.rules.at("api-uri-missing-tenant").severity, Severity::kError);
  EXPECT_EQ(config.include, std::vector<std::string>{"**/*.yml"});
  EXPECT_EQ(config.exclude, std::vector<std::string>{"legacy/"});
  EXPECT_EQ(config.edition, RequestedEdition::kEe);
  EXPECT_EQ(config.tenant, "acme");
  EXPECT_EQ(config.target_version, Version::Parse("0.23"));
  EXPECT_EQ(config.fail_on, "warning");
  EXPECT_EQ(config.rule_packs, std::vector<std::string>{"repo/packs/extra.yaml"});
  EXPECT_EQ(config.require_reason, true);
  EXPECT_EQ(config.baseline, "repo/kestra-lint-baseline.json");
}

TEST(LintConfigTest, MistakesArePositionedErrors) {
  auto error_of = [](const std::string& text) {
    try {
      ParseConfig(text, "c.yaml");
    } catch (const ConfigError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of("edition: ee\nfailOn: sometimes\n")
                .rfind("c.yaml:2:9: invalid setting at "
                       "/failOn: ",
                       0),
            0u)
      << error_of("edition: ee\nfailOn: sometimes\n");
  EXPECT_EQ(error_of("rules:\n  x: {severity: fatal}\n").rfind("c.yaml:2:17: ", 0), 0u)
      << error_of("rules:\n  x: {severity: fatal}\n");
  EXPECT_EQ(error_of("tenant: Acme\n").rfind("c.yaml:1:9: invalid setting at /tenant: ", 0), 0u);
  EXPECT_EQ(error_of("a: [1\n").rfind("c.yaml:", 0), 0u);
  EXPECT_EQ(error_of("edition: ee\nrulez: {}\n"),
            "c.yaml:2:1: unknown setting 'rulez'; did you mean 'rules'?");
}

// Every mistake at once, in file order, and a word list names its words.
TEST(LintConfigTest, AllMistakesComeAtOnceWithTheAllowedValues) {
  try {
    ParseConfig("edition: pro\nrulez: {}\nfailOn: sometimes\nrules:\n  x: loud\n", "c.yaml");
    FAIL() << "no error";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.problems().size(), 4u) << error.what();
    const std::string all = error.what();
    EXPECT_EQ(all.rfind("c.yaml:1:10: invalid setting at /edition: ", 0), 0u) << all;
    EXPECT_NE(all.find("\nc.yaml:2:1: unknown setting 'rulez'; did you mean 'rules'?\n"),
              std::string::npos);
    EXPECT_NE(all.find("\nc.yaml:3:9: invalid setting at /failOn: "), std::string::npos);
    EXPECT_NE(all.find("\nc.yaml:5:6: invalid setting at /rules/x: "), std::string::npos);
    EXPECT_NE(error.problems()[0].message.find("; allowed: auto, oss, ee"), std::string::npos);
    EXPECT_NE(error.problems()[2].message.find("; allowed: error, warning, info, never"),
              std::string::npos);
    EXPECT_NE(error.problems()[3].message.find(
                  "; allowed: off, on, error, warning, info, or a map of enabled severity"),
              std::string::npos)
        << error.problems()[3].message;
  }
}

// A repository's settings name packs and a baseline inside the repository;
// only the command line may point elsewhere (/etc/shadow as a "pack").
TEST(LintConfigTest, PathsInTheSettingsStayInsideTheInstallation) {
  const TempDir dir;
  const std::string config = dir.path() + "/repo/.kestra-lint.yaml";
  try {
    ParseConfig("rulePacks: [packs/ok.yaml, /etc/shadow, ../x.yaml]\nbaseline: ../../b.json\n",
                config);
    FAIL() << "no error";
  } catch (const ConfigError& error) {
    ASSERT_EQ(error.problems().size(), 3u) << error.what();
    EXPECT_EQ(error.problems()[0].at.line, 1);
    EXPECT_EQ(error.problems()[0].at.column, 28);
    EXPECT_EQ(error.problems()[1].at.column, 41);
    EXPECT_EQ(error.problems()[2].at.line, 2);
    EXPECT_NE(error.problems()[0].message.find("must be inside its folder"), std::string::npos);
  }
  dir.Write("repo/packs/ok.yaml", "");
  ASSERT_EQ(symlink("/etc", (dir.path() + "/repo/packs/etc").c_str()), 0);
  EXPECT_THROW(ParseConfig("rulePacks: [packs/etc/passwd]\n", config), ConfigError);
  EXPECT_EQ(ParseConfig("rulePacks: [packs/ok.yaml]\n", config).rule_packs.size(), 1u);
}

TEST(LintConfigTest, SettingsFileSizeIsCapped) {
  std::string patterns = "exclude:\n";
  while (patterns.size() <= kMaxConfigFileSize) patterns += "  - 'a/**/*b*/**/c'\n";
  try {
    ParseConfig(patterns, "c.yaml");
    FAIL() << "no error";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.at().line, 0);
    EXPECT_NE(error.message().find("over the 262144 a settings file may hold"), std::string::npos);
  }
}

// A settings file that reads itself through aliases (363 bytes reached 4 GB).
TEST(LintConfigTest, AliasBombIsAPositionedError) {
  std::string bomb = "rules:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'k'; ++level) {
    const std::string previous(1, static_cast<char>(level - 1));
    bomb += "  " + std::string(1, level) + ": &" + level + " [*" + previous + ", *" + previous +
            ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous + "]\n";
  }
  try {
    ParseConfig(bomb, "c.yaml");
    FAIL() << "no error";
  } catch (const ConfigError& error) {
    EXPECT_GT(error.at().line, 1);
    EXPECT_NE(error.message().find("(alias bomb?)"), std::string::npos) << error.what();
  }
}

TEST(LintConfigTest, FoundByWalkingUpAndUnknownRuleGetsDidYouMean) {
  const TempDir dir;
  dir.Write(".kestra-lint.yaml", "rules:\n  removed-tenant-enabled: off\n");
  dir.Write("deploy/prod/application.yml", kLegacy);
  const auto run = RunCliInProcess({"check", dir.path() + "/deploy/prod"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "kestra-lint: config: " + dir.path() +
                         "/.kestra-lint.yaml:2:3: unknown rule 'removed-tenant-enabled'; did you "
                         "mean 'removed-tenants-enabled'?\n");
}

TEST(LintConfigTest, RulesSeverityGlobsAndCommandLineOverrides) {
  const TempDir dir;
  dir.Write(".kestra-lint.yaml",
            "rules:\n  removed-tenants-enabled: warning\n  kafka-queues-recreated: off\n"
            "exclude: [legacy/]\nfailOn: warning\n");
  dir.Write("application.yml", kLegacy);
  dir.Write("legacy/application.yml", "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n");
  const auto run = RunCliInProcess({"check", "--no-color", dir.path()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("application.yml:4:7: warning: "), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("kafka"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("legacy/"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("0 errors, 1 warning, 0 infos in 1 file"), std::string::npos) << run.out;
  // --fail-on on the command line beats failOn in the file.
  EXPECT_EQ(RunCliInProcess({"check", "--fail-on", "error", dir.path()}).exit_code, 0);
  // A file named explicitly is checked even when excluded.
  EXPECT_EQ(RunCliInProcess({"check", "--fail-on", "error", dir.path() + "/legacy/application.yml"})
                .exit_code,
            1);
}

TEST(LintConfigTest, EachInstallationFollowsItsOwnFile) {
  const TempDir dir;
  dir.Write("quiet/.kestra-lint.yaml", "rules:\n  removed-tenants-enabled: off\nexclude: [old/]\n");
  dir.Write("quiet/application.yml", kLegacy);
  dir.Write("quiet/old/application.yml", kLegacy);
  dir.Write("loud/application.yml", kLegacy);
  const auto run = RunCliInProcess({"check", "--format", "json", dir.path()});
  const nlohmann::json json = nlohmann::json::parse(run.out);
  std::vector<std::string> seen;
  for (const auto& finding : json["findings"]) {
    seen.push_back(finding["path"].get<std::string>().substr(dir.path().size() + 1) + " " +
                   finding["ruleId"].get<std::string>());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"loud/application.yml removed-tenants-enabled",
                                            "loud/application.yml kafka-queues-recreated",
                                            "quiet/application.yml kafka-queues-recreated"}));
  // --config names one file for every installation.
  const std::string shared = dir.Write("shared.yaml", "rules:\n  kafka-queues-recreated: off\n");
  const auto one = RunCliInProcess({"check", "--format", "json", "--config", shared, dir.path()});
  EXPECT_EQ(nlohmann::json::parse(one.out)["findings"].size(), 3u) << one.out;
}

TEST(LintConfigTest, ExplicitConfigFileMustExist) {
  const TempDir dir;
  dir.Write("application.yml", kLegacy);
  const auto run = RunCliInProcess({"check", "--config", dir.path() + "/nope.yaml", dir.path()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "kestra-lint: config: " + dir.path() + "/nope.yaml: no such config file\n");
}

}  // namespace
}  // namespace kestra_lint
