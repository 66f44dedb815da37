#include "rules/helm_chart0_default_rule.h"

#include "rule_test_support.h"

namespace kestra_lint {
namespace {

TEST(HelmChart0DefaultRuleTest, EachUnsetDefaultIsReportedAtTheChartZeroImage) {
  const auto findings = RuleFindings("helm-chart-0-bundled-default", "values.yaml",
                                     "image:\n"
                                     "  image: kestra/kestra\n"
                                     "minio:\n"
                                     "  enabled: false\n",
                                     "oss", "1.0");
  ASSERT_THAT(Located(findings), ElementsAre("2:3 helm-chart-0-bundled-default"));
  EXPECT_EQ(findings[0].property, "postgresql.enabled");
  EXPECT_EQ(findings[0].message,
            "These chart 0.x values leave postgresql.enabled unset, and chart 0.x ran a bundled "
            "PostgreSQL by default: chart 1.0 has no PostgreSQL, so its data must be migrated to "
            "a PostgreSQL outside the release");
}

TEST(HelmChart0DefaultRuleTest, ChartOneValuesAndExplicitSettingsAreNotReported) {
  EXPECT_TRUE(RuleFindings("helm-chart-0-bundled-default", "values.yaml",
                           "image:\n  repository: kestra/kestra\n", "oss", "1.0")
                  .empty());
  EXPECT_TRUE(RuleFindings("helm-chart-0-bundled-default", "values.yaml",
                           "image:\n  image: kestra/kestra\npostgresql:\n  enabled: true\n"
                           "minio: {enabled: true}\n",
                           "oss", "1.0")
                  .empty());
}

}  // namespace
}  // namespace kestra_lint
