#include "rules/helm_values_setting_rule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;
using testing::OfRule;

TEST(HelmValuesSettingRuleTest, EnterpriseImageUnderImageImageBecomesTheOpenSourceImage) {
  const auto findings = OfRule(CheckText("values.yaml",
                                         "image:\n"
                                         "  image: registry.kestra.io/docker/kestra-ee\n"
                                         "  tag: v0.22.10\n",
                                         "auto", "1.0"),
                               "helm-chart-1-image-repository");
  ASSERT_THAT(Located(findings), ElementsAre("2:3 helm-chart-1-image-repository"));
  EXPECT_EQ(findings[0].message,
            "'image.image: registry.kestra.io/docker/kestra-ee' is not read by Kestra chart 1.0: "
            "it deploys its default image.repository kestra/kestra, the open-source image, so "
            "this Enterprise installation silently becomes an open-source one");
  EXPECT_EQ(findings[0].suggestion,
            "Rename image.image to image.repository and keep the value "
            "registry.kestra.io/docker/kestra-ee");
}

TEST(HelmValuesSettingRuleTest, StarterChartValuesAreReadUnderKestra) {
  const auto findings = OfRule(CheckText("values.yaml",
                                         "kestra:\n"
                                         "  common: {}\n"
                                         "  image:\n"
                                         "    image: kestra/kestra\n",
                                         "oss", "1.0"),
                               "helm-chart-1-image-repository");
  EXPECT_THAT(Located(findings), ElementsAre("4:5 helm-chart-1-image-repository"));
}

TEST(HelmValuesSettingRuleTest, OnlyEnabledBundledServicesStopTheInstall) {
  const auto findings = OfRule(CheckText("values.yaml",
                                         "image:\n"
                                         "  repository: kestra/kestra\n"
                                         "postgresql:\n"
                                         "  enabled: true\n"
                                         "minio:\n"
                                         "  enabled: false\n"
                                         "kafka:\n"
                                         "  enabled: True\n",
                                         "oss", "1.0"),
                               "helm-chart-1-bundled-service");
  EXPECT_THAT(Located(findings), ElementsAre("4:12 helm-chart-1-bundled-service",
                                             "8:12 helm-chart-1-bundled-service"));
}

TEST(HelmValuesSettingRuleTest, NotBeforeChartOneAndNotInOtherFiles) {
  const std::string values = "image:\n  image: kestra/kestra\npostgresql:\n  enabled: true\n";
  EXPECT_TRUE(
      OfRule(CheckText("values.yaml", values, "oss", "0.24"), "helm-chart-1-bundled-service")
          .empty());
  EXPECT_TRUE(
      OfRule(CheckText("application.yml", values, "oss", "1.0"), "helm-chart-1-bundled-service")
          .empty());
}

}  // namespace
}  // namespace kestra_lint
