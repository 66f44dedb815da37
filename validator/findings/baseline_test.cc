#include "findings/baseline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::RunCliInProcess;
using testing::TempDir;

const char kLegacy[] =
    "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n      enabled: false\n";

TEST(BaselineTest, AdoptThenOnlyNewFindingsFailEvenWhenLinesMove) {
  const TempDir dir;
  dir.Write("conf/application.yml", kLegacy);
  const std::string baseline = dir.path() + "/baseline.json";
  const std::string conf = dir.path() + "/conf";
  EXPECT_EQ(RunCliInProcess({"check", "--write-baseline", baseline, conf}).exit_code, 0);
  EXPECT_EQ(RunCliInProcess({"check", "--baseline", baseline, conf}).exit_code, 0);

  // Lines inserted above both findings: still baselined (fingerprints have no lines).
  dir.Write("conf/application.yml",
            "# moved down\nmicronaut:\n  server:\n    port: 8080\n" + std::string(kLegacy));
  const auto moved = RunCliInProcess({"check", "--no-color", "--baseline", baseline, conf});
  EXPECT_EQ(moved.exit_code, 0) << moved.out;
  EXPECT_NE(moved.out.find("0 errors, 0 warnings, 0 infos, 2 suppressed"), std::string::npos)
      << moved.out;

  // A new finding fails; a fixed one leaves a stale entry to shrink the file.
  dir.Write("conf/application.yml",
            "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n"
            "  url: http://localhost:8080/api/v1/executions/x/y\n");
  const auto next =
      RunCliInProcess({"check", "--no-color", "--edition", "ee", "--baseline", baseline, conf});
  EXPECT_EQ(next.exit_code, 1);
  EXPECT_NE(next.out.find("[api-uri-missing-tenant]"), std::string::npos) << next.out;
  EXPECT_EQ(next.out.find("[removed-default-tenant]"), std::string::npos) << next.out;
  EXPECT_NE(next.err.find("baseline entry no longer occurs (shrink the baseline with "
                          "--write-baseline): " +
                          conf +
                          "/application.yml: "
                          "removed-tenants-enabled kestra.ee.tenants.enabled"),
            std::string::npos)
      << next.err;

  // The JSON output says where each waiver is and which entries can go.
  const auto json = RunCliInProcess(
      {"check", "--format", "json", "--edition", "ee", "--baseline", baseline, conf});
  const nlohmann::json report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report["baseline"]["path"], baseline);
  ASSERT_EQ(report["baseline"]["staleEntries"].size(), 1u);
  EXPECT_EQ(report["baseline"]["staleEntries"][0]["ruleId"], "removed-tenants-enabled");
  EXPECT_EQ(report["baseline"]["staleEntries"][0]["path"], conf + "/application.yml");
  EXPECT_EQ(report["baseline"]["staleEntries"][0]["subject"], "kestra.ee.tenants.enabled");
  for (const nlohmann::json& finding : report["findings"]) {
    if (finding["ruleId"] != "removed-default-tenant") continue;
    EXPECT_EQ(finding["suppressionSource"], nlohmann::json({{"path", baseline}}));
  }
}

TEST(BaselineTest, FileHoldsFingerprintsAndMatchesItsSchema) {
  const TempDir dir;
  dir.Write("application.yml", kLegacy);
  const std::string baseline = dir.path() + "/b.json";
  RunCliInProcess({"check", "--write-baseline", baseline, dir.path() + "/application.yml"});
  const auto entries =
      ParseBaseline(nlohmann::json::parse(std::ifstream(baseline)).dump(), baseline);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].rule_id, "removed-default-tenant");
  EXPECT_EQ(entries[0].subject, "kestra.ee.tenants.default-tenant");
  EXPECT_EQ(entries[0].fingerprint.size(), 32u);
}

TEST(BaselineTest, InvalidBaselineIsAUsageError) {
  const TempDir dir;
  dir.Write("application.yml", kLegacy);
  const std::string bad = dir.Write("b.json", "{\"baselineVersion\": 1, \"findings\": [{}]}");
  const auto run = RunCliInProcess({"check", "--baseline", bad, dir.path()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("kestra-lint: baseline: " + bad +
                         ": not a kestra-lint baseline at "
                         "/findings/0"),
            std::string::npos)
      << run.err;
  const std::string broken = dir.Write("c.json", "{\n  \"findings\": [,]\n}");
  const auto syntax = RunCliInProcess({"check", "--baseline", broken, dir.path()});
  EXPECT_EQ(syntax.exit_code, 2);
  EXPECT_NE(syntax.err.find(broken + ":2:16: not valid JSON"), std::string::npos) << syntax.err;
}

// nlohmann throws a number out of range without a position; it used to
// escape as an internal error (exit 3).
TEST(BaselineTest, NumberOutOfRangeIsAPositionedError) {
  try {
    ParseBaseline("{\n  \"baselineVersion\": 1e999999,\n  \"findings\": []\n}", "b.json");
    FAIL() << "no error";
  } catch (const BaselineError& error) {
    EXPECT_STREQ(error.what(), "b.json:2:29: not valid JSON");
  }
}

TEST(BaselineTest, DeepNestingIsRefusedWherePastTheLimit) {
  const std::string text =
      "{\"findings\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  try {
    ParseBaseline(text, "b.json");
    FAIL() << "no error";
  } catch (const BaselineError& error) {
    EXPECT_STREQ(error.what(), "b.json:1:45: nested deeper than a baseline can be (32 levels)");
  }
}

// A setting may name any file as the baseline: what is not one is refused
// without a word of its content.
TEST(BaselineTest, OtherJsonIsRefusedWithoutQuotingIt) {
  for (const char* text : {"\"AWS_SECRET_ACCESS_KEY=abc\"", "{\"token\": \"s3cr3t\"}", "[1]"}) {
    try {
      ParseBaseline(text, "b.json");
      FAIL() << text;
    } catch (const BaselineError& error) {
      EXPECT_STREQ(error.what(),
                   "b.json: not a kestra-lint baseline (no top-level \"findings\" list)");
    }
  }
}

TEST(BaselineTest, ReasonFromTheFileIsCarried) {
  std::vector<Finding> findings(1);
  findings[0].fingerprint = "0123456789abcdef0123456789abcdef";
  const auto stale = ApplyBaseline({{findings[0].fingerprint, "r", "p", "", "accepted in OPS-9"},
                                    {"ffffffffffffffffffffffffffffffff", "r", "p", "", ""}},
                                   "ci/baseline.json", findings);
  EXPECT_TRUE(findings[0].suppressed);
  EXPECT_EQ(findings[0].suppression_kind, "baseline");
  EXPECT_EQ(findings[0].suppression_reason, "accepted in OPS-9");
  EXPECT_EQ(findings[0].suppression_path, "ci/baseline.json");
  EXPECT_EQ(findings[0].suppression_line, 0);
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0].fingerprint, "ffffffffffffffffffffffffffffffff");
}

}  // namespace
}  // namespace kestra_lint
