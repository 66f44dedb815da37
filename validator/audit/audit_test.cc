#include "audit/audit.h"

#include <gtest/gtest.h>

#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "report_fixture.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::ReportFixture;

const AuditTime kTime{1764316800, "SOURCE_DATE_EPOCH"};

TEST(AuditTest, TimeComesFromSourceDateEpoch) {
  const auto time = AuditTimeFrom("1764316800");
  ASSERT_TRUE(time);
  EXPECT_EQ(time->epoch_seconds, 1764316800);
  EXPECT_EQ(time->source, "SOURCE_DATE_EPOCH");
  EXPECT_EQ(Iso8601Utc(time->epoch_seconds), "2025-11-28T08:00:00Z");
  EXPECT_EQ(Iso8601Utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(AuditTimeFrom(nullptr)->source, "clock");
}

TEST(AuditTest, MalformedSourceDateEpochIsRejected) {
  EXPECT_FALSE(AuditTimeFrom(""));
  EXPECT_FALSE(AuditTimeFrom("-1"));
  EXPECT_FALSE(AuditTimeFrom("17e8"));
  EXPECT_FALSE(AuditTimeFrom(" 1"));
  EXPECT_FALSE(AuditTimeFrom("99999999999999999999"));
}

TEST(AuditTest, JsonMatchesItsSchema) {
  const ReportFixture fixture;
  const nlohmann::json audit =
      nlohmann::json::parse(AuditJsonText(BuildAudit(fixture.report(), kTime)));
  const nlohmann::json schema =
      nlohmann::json::parse(FindEmbeddedFile("schemas/audit.schema.json")->bytes);
  const auto errors = ValidateAgainstSchema(schema, audit);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front().message);
}

TEST(AuditTest, HoldsWhatWasCheckedAndWithWhat) {
  const ReportFixture fixture;
  const AuditJson audit = BuildAudit(fixture.report(), kTime);
  EXPECT_EQ(audit["generatedAt"], "2025-11-28T08:00:00Z");
  EXPECT_EQ(audit["tool"]["version"], ToolVersion());
  EXPECT_EQ(audit["rulePacks"][0]["id"], "fixture-pack");
  EXPECT_EQ(audit["rulePacks"][0]["version"], "2.1.0");
  EXPECT_EQ(audit["rulePacks"][0]["sha256"], Sha256Hex(testing::kFixturePack));
  EXPECT_EQ(audit["rules"].size(), 6u);
  EXPECT_EQ(audit["settings"]["edition"], "ee");
  EXPECT_EQ(audit["settings"]["editionSource"],
            "image kestra/kestra-ee:0.23.4 at deploy/docker-compose.yml:3:12");
  EXPECT_EQ(audit["settings"]["targetVersion"], "0.23");
  EXPECT_EQ(audit["settings"]["tenant"], "acme");
  ASSERT_EQ(audit["files"].size(), 5u);
  EXPECT_EQ(audit["files"][1]["path"], "config/application.yml");
  EXPECT_EQ(audit["files"][1]["sha256"], Sha256Hex("contents of config/application.yml"));
  EXPECT_EQ(audit["files"][1]["findings"], 1);
  EXPECT_EQ(audit["files"][1]["waived"], 1);
}

TEST(AuditTest, GroupsFindingsBySeverityRuleAndFile) {
  const ReportFixture fixture;
  const AuditJson audit = BuildAudit(fixture.report(), kTime);
  const AuditJson& groups = audit["findings"];
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0]["severity"], "error");
  EXPECT_EQ(groups[0]["count"], 2);
  ASSERT_EQ(groups[0]["rules"].size(), 2u);
  EXPECT_EQ(groups[0]["rules"][0]["ruleId"], "removed-default-tenant");
  EXPECT_EQ(groups[0]["rules"][0]["title"], "kestra.ee.tenants.defaultTenant was removed in 0.23");
  EXPECT_EQ(groups[0]["rules"][1]["ruleId"], "yaml-syntax");
  const AuditJson& finding = groups[0]["rules"][0]["files"][0]["findings"][0];
  EXPECT_EQ(groups[0]["rules"][0]["files"][0]["path"], "config/application.yml");
  EXPECT_EQ(finding["line"], 4);
  EXPECT_EQ(finding["column"], 7);
  EXPECT_EQ(finding["sourceLine"], "      defaultTenant: true");
  EXPECT_EQ(groups[1]["count"], 2);  // the waived warning is not counted
  EXPECT_EQ(groups[2]["count"], 1);
  EXPECT_EQ(audit["summary"]["findings"], 5);
  EXPECT_EQ(audit["summary"]["waived"], 1);
}

TEST(AuditTest, WaivedFindingsKeepTheirJustification) {
  const ReportFixture fixture;
  const AuditJson waived = BuildAudit(fixture.report(), kTime)["waived"];
  ASSERT_EQ(waived.size(), 1u);
  EXPECT_EQ(waived[0]["ruleId"], "duplicate-key");
  EXPECT_EQ(waived[0]["kind"], "inline");
  EXPECT_EQ(waived[0]["justification"], "kept on purpose: <b>ops</b> ticket OPS-12 & \"review\"");
  EXPECT_EQ(waived[0]["sourceLine"], "    password: ****");
  EXPECT_EQ(waived[0]["source"], AuditJson({{"path", "config/application.yml"}, {"line", 5}}));
  EXPECT_EQ(AuditWaiverSource(waived[0]), "inline comment at config/application.yml:5");
}

TEST(AuditTest, BaselineEntriesThatNoLongerMatchAreListed) {
  const ReportFixture fixture;
  const AuditJson stale = BuildAudit(fixture.report(), kTime)["staleWaivers"];
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0]["ruleId"], "removed-tenants-enabled");
  EXPECT_EQ(stale[0]["subject"], "kestra.ee.tenants.enabled");
  EXPECT_EQ(stale[0]["reason"], "fixed in <OPS-3> & done");
  EXPECT_EQ(stale[0]["baseline"], "ci/kestra-lint-baseline.json");
}

TEST(AuditTest, VerdictFollowsFailOnAndIgnoresWaivedFindings) {
  ReportFixture fixture;
  EXPECT_EQ(BuildAudit(fixture.report(), kTime)["verdict"],
            nlohmann::ordered_json::parse(
                R"({"result":"fail","failOn":"error","blockingFindings":2,"exitCode":1})"));
  fixture.fail_on = FailOn::kNever;
  EXPECT_EQ(BuildAudit(fixture.report(), kTime)["verdict"]["result"], "pass");
  // Waive every error: nothing blocks any more.
  fixture.fail_on = FailOn::kError;
  for (Finding& finding : fixture.result.findings) {
    if (finding.severity == Severity::kError) finding.suppressed = true;
  }
  const AuditJson verdict = BuildAudit(fixture.report(), kTime)["verdict"];
  EXPECT_EQ(verdict["result"], "pass");
  EXPECT_EQ(verdict["blockingFindings"], 0);
  EXPECT_EQ(verdict["exitCode"], 0);
}

}  // namespace
}  // namespace kestra_lint
