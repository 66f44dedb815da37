#include "findings/suppressions.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using testing::OfRule;
using testing::RunCliInProcess;
using testing::TempDir;

std::vector<std::string> CommentTexts(const std::string& path, const std::string& text) {
  std::vector<std::string> texts;
  for (const Comment& comment : FindComments(ExtractText(path, text)))
    texts.push_back(comment.text);
  return texts;
}

std::vector<Finding> Unsuppressed(const std::vector<Finding>& findings) {
  std::vector<Finding> kept;
  for (const Finding& finding : findings) {
    if (!finding.suppressed) kept.push_back(finding);
  }
  return kept;
}

TEST(FindCommentsTest, YamlHashesInQuotesAndBlockScalarsAreNotComments) {
  EXPECT_EQ(CommentTexts("a.yml",
                         "a: \"x # no\" # yes1\nb: 'it''s # no'\nc: x#no\nd: |\n  # no\n"
                         "  text # no\n# yes2\ne: - x\nf: [a, 'b # no'] # yes3\n"
                         "g:\n  - |\n    # no\n  - >-\n    # no\n# yes4\n"),
            (std::vector<std::string>{" yes1", " yes2", " yes3", " yes4"}));
}

TEST(FindCommentsTest, PropertiesCommentsAreWholeLinesNotContinuations) {
  EXPECT_EQ(CommentTexts("a.properties", "# one\n  ! two\nk=v \\\n# not\nk2=v # not\n"),
            (std::vector<std::string>{" one", " two"}));
}

TEST(FindCommentsTest, EnvCommentsSkipQuotedValues) {
  EXPECT_EQ(CommentTexts(".env", "# one\nA=b # two\nC=\"d # not\" # three\nE=f#not\n"),
            (std::vector<std::string>{" one", " two", " three"}));
}

// Each kind of a format of its own declares its comment signs; a sign inside
// a string literal opens no comment.
TEST(FindCommentsTest, CodeScriptAndDocsCommentsFollowTheirKindsSigns) {
  EXPECT_EQ(CommentTexts("client.ts",
                         "// one\nconst a = \"// kestra-lint no\"; // kestra-lint two\n"
                         "x(); /* kestra-lint three */ y();\nconst b = 1; // not directive\n"),
            (std::vector<std::string>{" one", " kestra-lint two", " kestra-lint three "}));
  EXPECT_EQ(CommentTexts("agent.py", "# one\nurl = '# kestra-lint no'  # kestra-lint two\n"),
            (std::vector<std::string>{" one", " kestra-lint two"}));
  EXPECT_EQ(CommentTexts("README.md", "It's here <!-- kestra-lint one -->\n<!--two-->\n"),
            (std::vector<std::string>{" kestra-lint one ", "two"}));
  EXPECT_EQ(CommentTexts("queries.sql", "-- one\nselect 1; -- kestra-lint two\n"),
            (std::vector<std::string>{" one", " kestra-lint two"}));
  EXPECT_TRUE(CommentTexts("package.json", "{\"a\": \"# kestra-lint no\"}\n").empty());
}

TEST(SuppressionsTest, CodeScriptsBuildFilesAndDocsHonourTheirCommentSigns) {
  const auto typescript = OfRule(
      CheckText("client.ts",
                "const KESTRA_URL = \"http://kestra:8080\";\n"
                "// kestra-lint disable-next-line api-uri-missing-tenant -- OPS-1\n"
                "fetch(`${KESTRA_URL}/api/v1/flows/search`);\n"
                "fetch(\"http://kestra:8080/api/v1/executions\"); /* kestra-lint disable-line "
                "api-uri-missing-tenant -- OPS-2 */\n"
                "const s = \"// kestra-lint disable-line api-uri-missing-tenant\"; "
                "fetch(\"http://kestra:8080/api/v1/flows\");\n"),
      "api-uri-missing-tenant");
  ASSERT_EQ(typescript.size(), 3u);
  EXPECT_EQ(typescript[0].suppression_reason, "OPS-1");
  EXPECT_EQ(typescript[1].suppression_reason, "OPS-2");
  EXPECT_TRUE(typescript[1].suppressed);
  EXPECT_EQ(typescript[2].line, 5);
  EXPECT_FALSE(typescript[2].suppressed);
  for (const auto& [path, text] : std::vector<std::pair<std::string, std::string>>{
           {"agent.py",
            "KESTRA_URL = 'http://kestra:8080'\n"
            "requests.get(f'{KESTRA_URL}/api/v1/flows/search')  "
            "# kestra-lint disable-line api-uri-missing-tenant -- OPS-3\n"},
           {"deploy.sh",
            "# kestra-lint disable-next-line api-uri-missing-tenant -- OPS-3\n"
            "curl http://kestra:8080/api/v1/flows/search\n"},
           {"Makefile",
            "flows:\n\t# kestra-lint disable-next-line api-uri-missing-tenant -- OPS-3\n"
            "\tcurl http://kestra:8080/api/v1/flows/search\n"},
           {"README.md",
            "<!-- kestra-lint disable-next-line api-uri-missing-tenant -- OPS-3 -->\n"
            "    curl http://kestra:8080/api/v1/flows/search\n"},
           {"queries.sql",
            "-- kestra-lint disable-next-line api-uri-missing-tenant -- OPS-3\n"
            "select http_get('http://kestra:8080/api/v1/flows/search');\n"}}) {
    const auto findings = OfRule(CheckText(path, text), "api-uri-missing-tenant");
    ASSERT_EQ(findings.size(), 1u) << path;
    EXPECT_TRUE(findings[0].suppressed) << path;
    EXPECT_EQ(findings[0].suppression_reason, "OPS-3") << path;
  }
}

// A sign longer than `#` still puts an unknown rule id's finding on the id.
TEST(SuppressionsTest, UnknownRuleIdsInCodeCommentsArePositionedOnTheId) {
  const auto unused =
      OfRule(CheckText("client.go", "x := 1 // kestra-lint disable-line api-uri-missing-tenat\n"),
             "unused-suppression");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].line, 1);
  EXPECT_EQ(unused[0].column, 36);
  EXPECT_EQ(unused[0].message,
            "'api-uri-missing-tenat' is not a rule id; did you mean 'api-uri-missing-tenant'?");
}

const char kConfig[] =
    "# kestra-lint disable-file kafka-queues-recreated -- planned in OPS-7\n"
    "kestra:\n"
    "  ee:\n"
    "    tenants:\n"
    "      enabled: true # kestra-lint disable-line removed-tenants-enabled -- OPS-12\n"
    "      # kestra-lint disable-next-line removed-default-tenant\n"
    "\n"
    "      defaultTenant: false\n"
    "  queue:\n"
    "    type: kafka\n";

TEST(SuppressionsTest, LineNextLineAndFileWaiveTheirFindingsWithTheReason) {
  const std::vector<Finding> findings = CheckText("application.yml", kConfig);
  EXPECT_TRUE(Unsuppressed(findings).empty());
  const auto enabled = OfRule(findings, "removed-tenants-enabled");
  ASSERT_EQ(enabled.size(), 1u);
  EXPECT_TRUE(enabled[0].suppressed);
  EXPECT_EQ(enabled[0].suppression_kind, "inline");
  EXPECT_EQ(enabled[0].suppression_reason, "OPS-12");
  ASSERT_EQ(OfRule(findings, "removed-default-tenant").size(), 1u);
  EXPECT_EQ(OfRule(findings, "removed-default-tenant")[0].suppression_reason, "");
  ASSERT_EQ(OfRule(findings, "kafka-queues-recreated").size(), 1u);
  EXPECT_EQ(OfRule(findings, "kafka-queues-recreated")[0].suppression_reason, "planned in OPS-7");
}

TEST(SuppressionsTest, UnusedUnknownAndMisplacedSuppressionsAreReportedWherePositioned) {
  const std::vector<Finding> findings = OfRule(
      CheckText("application.yml",
                "kestra:\n"
                "  url: http://x/ # kestra-lint disable-line removed-default-tenant -- none here\n"
                "  a: 1 # kestra-lint disable-line removed-default-tenantt\n"
                "  # kestra-lint disable-file removed-default-tenant\n"
                "  # kestra-lint disable removed-default-tenant\n"
                "  # kestra-lint checks this file in CI\n"),
      "unused-suppression");
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].message,
            "the suppression of 'removed-default-tenant' matches no finding on this line");
  EXPECT_EQ(findings[0].line, 2);
  EXPECT_EQ(findings[0].column, 45);
  EXPECT_EQ(findings[1].message,
            "'removed-default-tenantt' is not a rule id; did you mean 'removed-default-tenant'?");
  EXPECT_EQ(findings[1].column, 35);
  EXPECT_EQ(findings[2].message,
            "disable-file works only in the comment lines at the top of the file");
  EXPECT_EQ(findings[2].column, 3);
  EXPECT_EQ(findings[3].message,
            "'disable' is not a kestra-lint directive: use disable-line, disable-next-line or "
            "disable-file");
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
}

// A KESTRA_CONFIGURATION block string is a configuration document of its
// own: its YAML comments waive like the file's; a shell script's do not.
TEST(SuppressionsTest, CommentsInEmbeddedConfigurationWaiveTheirLines) {
  const std::vector<Finding> findings = CheckText(
      "docker-compose.yml",
      "services:\n"
      "  kestra:\n"
      "    image: kestra/kestra-ee:latest\n"
      "    environment:\n"
      "      KESTRA_CONFIGURATION: |\n"
      "        kestra:\n"
      "          ee:\n"
      "            tenants:\n"
      "              enabled: true # kestra-lint disable-line removed-tenants-enabled -- OPS-1\n"
      "              # kestra-lint disable-next-line removed-default-tenant -- OPS-2\n"
      "              defaultTenant: true\n"
      "          queue:\n"
      "            type: kafka # kestra-lint disable-line removed-tenants-enabled -- no\n"
      "    healthcheck:\n"
      "      test: |\n"
      "        curl http://kestra:8080/api/v1/flows # kestra-lint disable-line "
      "api-uri-missing-tenant -- shell\n");
  const auto enabled = OfRule(findings, "removed-tenants-enabled");
  ASSERT_EQ(enabled.size(), 1u);
  EXPECT_EQ(enabled[0].line, 9);
  EXPECT_TRUE(enabled[0].suppressed);
  EXPECT_EQ(enabled[0].suppression_reason, "OPS-1");
  const auto default_tenant = OfRule(findings, "removed-default-tenant");
  ASSERT_EQ(default_tenant.size(), 1u);
  EXPECT_EQ(default_tenant[0].line, 11);
  EXPECT_EQ(default_tenant[0].suppression_reason, "OPS-2");
  const auto unused = OfRule(findings, "unused-suppression");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].line, 13);
  EXPECT_EQ(unused[0].column, 52);
  EXPECT_EQ(unused[0].message,
            "the suppression of 'removed-tenants-enabled' matches no finding on this line");
  const auto uri = OfRule(findings, "api-uri-missing-tenant");
  ASSERT_EQ(uri.size(), 1u);
  EXPECT_EQ(uri[0].line, 16);
  EXPECT_FALSE(uri[0].suppressed);
}

// A comment that only the decoded string holds (a quoted string's \n) is
// not one the file shows, so it waives nothing.
TEST(SuppressionsTest, CommentsOfQuotedEmbeddedConfigurationDoNothing) {
  const std::vector<Finding> findings =
      CheckText("docker-compose.yml",
                "services:\n"
                "  kestra:\n"
                "    environment:\n"
                "      KESTRA_CONFIGURATION: \"kestra:\\n  ee.tenants.enabled: true # "
                "kestra-lint disable-line removed-tenants-enabled -- x\\n\"\n");
  const auto enabled = OfRule(findings, "removed-tenants-enabled");
  ASSERT_EQ(enabled.size(), 1u);
  EXPECT_FALSE(enabled[0].suppressed);
  EXPECT_TRUE(OfRule(findings, "unused-suppression").empty());
}

TEST(SuppressionsTest, PropertiesAndEnvFilesHonourTheirComments) {
  EXPECT_TRUE(
      Unsuppressed(CheckText("app.properties",
                             "! kestra-lint disable-next-line removed-tenants-enabled -- x\n"
                             "kestra.ee.tenants.enabled=true\n"))
          .empty());
  const auto env =
      CheckText(".env",
                "KESTRA_X=\"# kestra-lint disable-next-line removed-tenants-enabled\"\n"
                "KESTRA_EE_TENANTS_ENABLED=true # kestra-lint disable-line "
                "removed-default-tenant -- wrong rule\n");
  EXPECT_FALSE(OfRule(env, "removed-tenants-enabled")[0].suppressed);
  EXPECT_EQ(OfRule(env, "unused-suppression").size(), 1u);
}

TEST(SuppressionsTest, RequireReasonAndNoInlineSuppressionsFromTheCommandLine) {
  const TempDir dir;
  dir.Write("application.yml", kConfig);
  const auto normal = RunCliInProcess({"check", "--no-color", dir.path()});
  EXPECT_EQ(normal.exit_code, 0) << normal.out;
  EXPECT_NE(normal.out.find("0 errors, 0 warnings, 0 infos, 3 suppressed in 1 file"),
            std::string::npos)
      << normal.out;
  const auto strict = RunCliInProcess({"check", "--no-color", "--require-reason", dir.path()});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.out.find("application.yml:6:7: error: this suppression gives no reason: write "
                            "one after ' -- ' (--require-reason is on, so it waives nothing) "
                            "[suppression-missing-reason]"),
            std::string::npos)
      << strict.out;
  EXPECT_NE(strict.out.find("application.yml:8:7: error: "), std::string::npos);
  const auto audit =
      RunCliInProcess({"check", "--format", "json", "--no-inline-suppressions", dir.path()});
  const nlohmann::json json = nlohmann::json::parse(audit.out);
  EXPECT_EQ(json["summary"]["suppressed"], 0);
  EXPECT_EQ(json["summary"]["errors"], 2);
}

TEST(SuppressionsTest, JsonKeepsSuppressedFindingsWithKindAndReason) {
  const TempDir dir;
  dir.Write("application.yml", kConfig);
  const auto run = RunCliInProcess({"check", "--format", "json", dir.path()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["findings"].size(), 3u);
  EXPECT_EQ(json["findings"][0]["ruleId"], "removed-tenants-enabled");
  EXPECT_EQ(json["findings"][0]["suppressed"], true);
  EXPECT_EQ(json["findings"][0]["suppressionKind"], "inline");
  EXPECT_EQ(json["findings"][0]["suppressionReason"], "OPS-12");
  EXPECT_EQ(json["findings"][1]["suppressionReason"], nullptr);
  EXPECT_EQ(json["summary"]["suppressed"], 3);
  EXPECT_EQ(json["summary"]["errors"], 0);
  const nlohmann::json schema =
      nlohmann::json::parse(FindEmbeddedFile("schemas/findings.schema.json")->bytes);
  const auto errors = ValidateAgainstSchema(schema, json);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front().message);
}

}  // namespace
}  // namespace kestra_lint
