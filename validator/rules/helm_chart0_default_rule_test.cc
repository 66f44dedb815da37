#include "rules/helm_chart0_default_rule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;
using testing::OfRule;

TEST(HelmChart0DefaultRuleTest, EachUnsetDefaultIsReportedAtTheChartZeroImage) {
  const auto findings = OfRule(CheckText("values.yaml",
                                         "image:\n"
                                         "  image: kestra/kestra\n"
                                         "minio:\n"
                                         "  enabled: false\n",
                                         "oss", "1.0"),
                               "helm-chart-0-bundled-default");
  ASSERT_THAT(Located(findings), ElementsAre("2:3 helm-chart-0-bundled-default"));
  EXPECT_EQ(findings[0].property, "postgresql.enabled");
  EXPECT_EQ(findings[0].message,
            "These chart 0.x values leave postgresql.enabled unset, and chart 0.x ran a bundled "
            "PostgreSQL by default: chart 1.0 has no PostgreSQL, so its data must be migrated to "
            "a PostgreSQL outside the release");
}

TEST(HelmChart0DefaultRuleTest, ChartOneValuesAndExplicitSettingsAreNotReported) {
  EXPECT_TRUE(
      OfRule(CheckText("values.yaml", "image:\n  repository: kestra/kestra\n", "oss", "1.0"),
             "helm-chart-0-bundled-default")
          .empty());
  EXPECT_TRUE(OfRule(CheckText("values.yaml",
                               "image:\n  image: kestra/kestra\npostgresql:\n  enabled: true\n"
                               "minio: {enabled: true}\n",
                               "oss", "1.0"),
                     "helm-chart-0-bundled-default")
                  .empty());
}

}  // namespace
}  // namespace kestra_lint
