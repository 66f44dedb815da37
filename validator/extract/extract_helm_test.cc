#include "extract/extract_helm.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;
using testing::OfRule;

TEST(ExtractHelmTest, ChartOneApplicationAsABlockString) {
  const auto findings = CheckText("values.yaml",
                                  "image:\n"
                                  "  repository: kestra/kestra-ee\n"
                                  "configurations:\n"
                                  "  application: |\n"
                                  "    kestra:\n"
                                  "      ee:\n"
                                  "        tenants:\n"
                                  "          enabled: true\n");
  EXPECT_THAT(Located(findings), ElementsAre("8:11 removed-tenants-enabled"));
  EXPECT_EQ(findings[0].origin,
            "helm values configurations.application > kestra.ee.tenants.enabled");
}

TEST(ExtractHelmTest, ChartOneApplicationAsAMappingAndEnvironmentLists) {
  const auto findings =
      CheckText("kestra-values.yaml",
                "configurations:\n"
                "  application:\n"
                "    kestra.ee.tenants.defaultTenant: true\n"
                "common:\n"
                "  extraEnv:\n"
                "    - name: KESTRA_EE_TENANTS_ENABLED\n"
                "      value: \"true\"\n"
                "deployments:\n"
                "  webserver:\n"
                "    extraEnv:\n"
                "      - {name: JAVA_OPTS, value: -Dkestra.tenants.enabled=false}\n",
                "ee");
  EXPECT_THAT(Located(findings),
              ElementsAre("3:5 removed-default-tenant", "6:13 removed-tenants-enabled",
                          "11:36 removed-tenants-enabled"));
  EXPECT_EQ(findings[1].origin, "helm values common.extraEnv > KESTRA_EE_TENANTS_ENABLED");
  EXPECT_EQ(findings[2].origin,
            "helm values deployments.webserver.extraEnv > JAVA_OPTS > kestra.tenants.enabled");
}

TEST(ExtractHelmTest, StarterChartNestsTheChartUnderKestra) {
  const auto findings = CheckText("values.yaml",
                                  "postgres:\n"
                                  "  enabled: true\n"
                                  "kestra:\n"
                                  "  configurations:\n"
                                  "    application:\n"
                                  "      kestra:\n"
                                  "        ee:\n"
                                  "          tenants:\n"
                                  "            defaultTenant: false\n",
                                  "ee");
  EXPECT_THAT(Located(findings), ElementsAre("9:13 removed-default-tenant"));
  EXPECT_EQ(findings[0].origin,
            "helm values kestra.configurations.application > kestra.ee.tenants.defaultTenant");
}

TEST(ExtractHelmTest, ChartZeroConfigurationSecretsAndExtraEnv) {
  const std::string values =
      "image:\n"
      "  image: kestra/kestra\n"
      "configuration:\n"
      "  kestra:\n"
      "    tenants:\n"
      "      enabled: true\n"
      "secrets: |\n"
      "  kestra:\n"
      "    ee:\n"
      "      tenants:\n"
      "        defaultTenant: true\n"
      "extraEnv:\n"
      "  - name: KESTRA_URL\n"
      "    value: http://kestra:8080/api/v1/main\n";
  EXPECT_THAT(Located(CheckText("values.yaml", values, "auto", "0.23")),
              ElementsAre("6:7 removed-tenants-enabled", "11:9 removed-default-tenant"));
  const ScannedFile file = ExtractText("values.yaml", values);
  ASSERT_EQ(file.evidence.size(), 1u);
  EXPECT_EQ(file.evidence[0].edition, Edition::kOss);
  EXPECT_EQ(file.properties.back().key, "kestra.url");
}

TEST(ExtractHelmTest, ChartZeroKeysAreReportedForChartOne) {
  const auto findings = OfRule(CheckText("values.yaml",
                                         "image:\n"
                                         "  image: kestra/kestra\n"
                                         "configuration: {}\n"
                                         "extraEnv: [{name: A, value: b}]\n"
                                         "externalSecret: {enabled: true}\n",
                                         "auto", "1.0"),
                               "helm-chart-1-renamed-key");
  EXPECT_THAT(Located(findings),
              ElementsAre("3:1 helm-chart-1-renamed-key", "4:1 helm-chart-1-renamed-key",
                          "5:1 helm-chart-1-renamed-key"));
  EXPECT_EQ(findings[0].suggestion, "Move it to configurations.application");
  EXPECT_TRUE(CheckText("values.yaml", "image:\n  image: kestra/kestra\nconfiguration: {}\n",
                        "auto", "0.24")
                  .empty());
}

TEST(ExtractHelmTest, ValuesOfOtherChartsGiveNoFindings) {
  const std::string values =
      "image:\n"
      "  repository: bitnami/keycloak\n"
      "configuration: |\n"
      "  realm: master\n"
      "  tenants: {enabled: true, defaultTenant: true}\n"
      "  broken: [yaml\n"
      "secrets:\n"
      "  tenants:\n"
      "    enabled: true\n"
      "extraEnv:\n"
      "  - name: KESTRA_STYLE\n"
      "    value: plain\n";
  EXPECT_TRUE(CheckText("values.yaml", values, "ee").empty());
  EXPECT_TRUE(ExtractText("values.yaml", values).chart_keys.empty());
}

}  // namespace
}  // namespace kestra_lint
