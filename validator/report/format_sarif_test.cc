#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "external_tool.h"
#include "report/report.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

using testing::FixtureOutput;
using Json = nlohmann::json;

Json Sarif(const testing::ReportFixture& fixture) {
  std::ostringstream out;
  WriteSarif(fixture.report(), out);
  return Json::parse(out.str());
}

const Json& ResultFor(const Json& sarif, const std::string& rule_id) {
  for (const Json& result : sarif["runs"][0]["results"]) {
    if (result["ruleId"] == rule_id) return result;
  }
  static const Json none;
  return none;
}

TEST(FormatSarifTest, RunDescribesTheToolRulesAndInvocation) {
  const Json sarif = Sarif(testing::ReportFixture());
  EXPECT_EQ(sarif["version"], "2.1.0");
  const Json& run = sarif["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["invocations"][0]["exitCode"], 1);
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);
  const Json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 6u);
  EXPECT_EQ(rules[0]["id"], "removed-default-tenant");
  EXPECT_EQ(rules[0]["name"], "RemovedDefaultTenant");
  EXPECT_EQ(rules[0]["shortDescription"]["text"],
            "kestra.ee.tenants.defaultTenant was removed in 0.23.");
  EXPECT_EQ(rules[1]["fullDescription"]["text"],
            "kestra.ee.tenants.fallbackTenant is temporary. Applies to Kestra 0.23 and later, in "
            "the Enterprise edition.");
  EXPECT_EQ(rules[0]["helpUri"],
            "https://kestra.io/docs/migration-guide/v0.23.0/tenant-migration-ee");
  EXPECT_EQ(rules[0]["help"]["text"],
            "kestra.ee.tenants.defaultTenant was removed in 0.23. Applies to Kestra 0.23 and "
            "later. Details: 'kestra-lint explain removed-default-tenant'; Kestra's "
            "documentation: https://kestra.io/docs/migration-guide/v0.23.0/tenant-migration-ee");
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules[3]["defaultConfiguration"]["level"], "note");
}

TEST(FormatSarifTest, ResultPointsAtItsRuleAndRegion) {
  const Json sarif = Sarif(testing::ReportFixture());
  const Json& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
  for (const Json& result : sarif["runs"][0]["results"]) {
    EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
  }
  const Json& uri = ResultFor(sarif, "api-uri-missing-tenant");
  EXPECT_EQ(uri["level"], "warning");
  const Json& location = uri["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "flows/caller.yml");
  EXPECT_EQ(location["artifactLocation"]["index"], 3);
  EXPECT_EQ(location["region"],
            Json::parse(R"({"startLine":7,"startColumn":11,"endLine":7,"endColumn":51})"));
  EXPECT_EQ(uri["message"]["text"],
            "http://kestra:8080/api/v1/executions/n/f has no tenant: it works only through the "
            "temporary kestra.ee.tenants.fallbackTenant.\nSuggestion: Use "
            "http://kestra:8080/api/v1/acme/executions/n/f.");
  EXPECT_EQ(ResultFor(sarif, "kafka-queues-recreated")["level"], "note");
}

TEST(FormatSarifTest, PathsAreEncodedAsUriReferences) {
  const Json sarif = Sarif(testing::ReportFixture());
  EXPECT_EQ(ResultFor(sarif,
                      "yaml-syntax")["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "odd%20dir/app%2C1%3A%25.yml");
  testing::ReportFixture absolute;
  absolute.result.findings[0].path = "/srv/k\xC3\xA9stra/app.yml";
  EXPECT_EQ(Sarif(absolute)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                           ["artifactLocation"]["uri"],
            "file:///srv/k%C3%A9stra/app.yml");
}

TEST(FormatSarifTest, PartialFingerprintStaysWhenLinesAboveMove) {
  testing::ReportFixture moved;
  for (Finding& finding : moved.result.findings) finding.line += 3, finding.end_line += 3;
  AssignFingerprints(moved.result.findings);
  const Json before = ResultFor(Sarif(testing::ReportFixture()), "removed-default-tenant");
  const Json after = ResultFor(Sarif(moved), "removed-default-tenant");
  EXPECT_EQ(after["locations"][0]["physicalLocation"]["region"]["startLine"], 7);
  EXPECT_EQ(before["partialFingerprints"], after["partialFingerprints"]);
  EXPECT_EQ(before["partialFingerprints"]["kestraLintFingerprint/v1"].get<std::string>().size(),
            32u);
}

TEST(FormatSarifTest, FixBecomesAReplacement) {
  const Json fix = ResultFor(Sarif(testing::ReportFixture()), "api-uri-missing-tenant")["fixes"][0];
  EXPECT_EQ(fix["description"]["text"], "Use http://kestra:8080/api/v1/acme/executions/n/f.");
  const Json& change = fix["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "flows/caller.yml");
  EXPECT_EQ(change["replacements"][0]["deletedRegion"],
            Json::parse(R"({"startLine":7,"startColumn":37,"endLine":7,"endColumn":37})"));
  EXPECT_EQ(change["replacements"][0]["insertedContent"]["text"], "acme/");
  EXPECT_FALSE(ResultFor(Sarif(testing::ReportFixture()), "yaml-syntax").contains("fixes"));
}

TEST(FormatSarifTest, SuppressionCarriesKindAndJustification) {
  testing::ReportFixture fixture;
  const Json inline_waiver = ResultFor(Sarif(fixture), "duplicate-key")["suppressions"];
  EXPECT_EQ(inline_waiver, Json::parse(R"([{"kind":"inSource","status":"accepted",
      "justification":"kept on purpose: <b>ops</b> ticket OPS-12 & \"review\"",
      "location":{"physicalLocation":{
        "artifactLocation":{"uri":"config/application.yml","index":1},
        "region":{"startLine":5}}}}])"));
  for (Finding& finding : fixture.result.findings) {
    if (!finding.suppressed) continue;
    finding.suppression_kind = "baseline";
    finding.suppression_reason = "";
    finding.suppression_path = "ci/baseline.json";
    finding.suppression_line = 0;
  }
  EXPECT_EQ(ResultFor(Sarif(fixture), "duplicate-key")["suppressions"],
            Json::parse(R"([{"kind":"external","status":"accepted",
              "location":{"physicalLocation":{"artifactLocation":{"uri":"ci/baseline.json"}}}}])"));
  EXPECT_FALSE(ResultFor(Sarif(fixture), "yaml-syntax").contains("suppressions"));
}

TEST(FormatSarifTest, StaleBaselineEntriesAreRunProperties) {
  const Json properties = Sarif(testing::ReportFixture())["runs"][0]["properties"];
  EXPECT_EQ(properties["baseline"], "ci/kestra-lint-baseline.json");
  ASSERT_EQ(properties["staleBaselineEntries"].size(), 1u);
  EXPECT_EQ(properties["staleBaselineEntries"][0]["fingerprint"],
            "0123456789abcdef0123456789abcdef");
  testing::ReportFixture without;
  without.result.baseline_path.clear();
  without.result.stale_baseline.clear();
  EXPECT_FALSE(Sarif(without)["runs"][0].contains("properties"));
}

TEST(FormatSarifTest, ArtifactsListEveryScannedFileWithItsSha256) {
  const Json artifacts = Sarif(testing::ReportFixture())["runs"][0]["artifacts"];
  ASSERT_EQ(artifacts.size(), 5u);
  EXPECT_EQ(artifacts[0]["location"]["uri"], "clean/values.yaml");
  EXPECT_EQ(artifacts[0]["hashes"]["sha-256"], Sha256Hex("contents of clean/values.yaml"));
}

// The consumer's own validator: the SARIF Multitool checks the log against the
// SARIF 2.1.0 schema and its rules, plus the rules GitHub code scanning adds.
TEST(FormatSarifTest, SarifMultitoolFindsNoErrorsOrWarnings) {
  const std::string multitool = testing::SarifMultitool();
  if (!testing::IsExecutable(multitool)) {
    GTEST_SKIP() << "SARIF Multitool not installed at " << multitool
                 << " (npm @microsoft/sarif-multitool-linux; scripts/deps.sh installs it)";
  }
  const testing::TempDir dir;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(testing::SarifMultitoolProblems(dir.Write("out.sarif", FixtureOutput(WriteSarif))), "");
  RecordProperty(
      "multitool_seconds",
      std::to_string(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
}

}  // namespace
}  // namespace kestra_lint
