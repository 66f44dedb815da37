#include "rules/helm_values_key_rule.h"

#include "rule_test_support.h"

namespace kestra_lint {
namespace {

const char kChartZero[] =
    "image:\n"
    "  image: kestra/kestra\n"
    "configurationPath: /app/confs\n"
    "extraConfigMapEnvFrom:\n"
    "  - name: kestra-env\n"
    "extraSecretEnvFrom:\n"
    "  - name: kestra-secrets\n"
    "common:\n"
    "  extraEnv: []\n";

TEST(HelmValuesKeyRuleTest, EveryReplacedChartKeyWithItsReplacement) {
  const auto findings =
      RuleFindings("helm-chart-1-renamed-key", "values.yaml", kChartZero, "oss", "1.0");
  EXPECT_THAT(Located(findings),
              ElementsAre("3:1 helm-chart-1-renamed-key", "4:1 helm-chart-1-renamed-key",
                          "6:1 helm-chart-1-renamed-key"));
  EXPECT_EQ(findings[2].property, "extraSecretEnvFrom");
  EXPECT_EQ(findings[0].message,
            "Helm values key 'configurationPath' is not read by Kestra chart 1.0: the setting it "
            "holds is silently dropped on upgrade");
  EXPECT_EQ(findings[1].suggestion, "Move it to common.extraEnvFrom (configMapRef entries)");
  EXPECT_EQ(findings[1].origin, "helm values > extraConfigMapEnvFrom");
}

TEST(HelmValuesKeyRuleTest, StarterChartKeysAreNamedWithTheirPath) {
  const auto findings = CheckText("values.yaml",
                                  "kestra:\n"
                                  "  common: {}\n"
                                  "  image: {repository: kestra/kestra}\n"
                                  "  extraEnv:\n"
                                  "    - {name: A, value: b}\n",
                                  "oss", "1.0");
  EXPECT_THAT(Located(findings), ElementsAre("4:3 helm-chart-1-renamed-key"));
  EXPECT_EQ(findings[0].property, "kestra.extraEnv");
}

// chart 1.0's templates/checks.yaml fails on `configuration` even empty; the
// other keys are only dropped, so an empty one loses nothing.
TEST(HelmValuesKeyRuleTest, ConfigurationStopsTheInstallAndEmptyKeysHoldNothing) {
  const auto findings = RuleFindings("helm-chart-1-renamed-key", "values.yaml",
                                     "image:\n"
                                     "  image: kestra/kestra\n"
                                     "configuration: {}\n"
                                     "secrets: []\n"
                                     "extraEnv:\n"
                                     "externalSecret: ''\n"
                                     "configurationPath: /app/confs\n",
                                     "oss", "1.0");
  EXPECT_THAT(Located(findings),
              ElementsAre("3:1 helm-chart-1-renamed-key", "7:1 helm-chart-1-renamed-key"));
  EXPECT_EQ(findings[0].message,
            "Helm values key 'configuration' stops the install of Kestra chart 1.0: its "
            "templates/checks.yaml fails with \"configuration is not authorized anymore\"");
  EXPECT_TRUE(RuleFindings("helm-chart-1-renamed-key", "values.yaml",
                           "image:\n  image: kestra/kestra\nconfiguration: null\n", "oss", "1.0")
                  .empty());
}

TEST(HelmValuesKeyRuleTest, OnlyHelmValuesHaveChartKeys) {
  EXPECT_TRUE(
      CheckText("application.yml", "configuration: {}\nextraEnv: []\n", "oss", "1.0").empty());
}

}  // namespace
}  // namespace kestra_lint
