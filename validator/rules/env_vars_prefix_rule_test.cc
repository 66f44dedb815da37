#include "rules/env_vars_prefix_rule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckFiles;
using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;

const char kFlow[] =
    "id: report\n"
    "namespace: company.team\n"
    "tasks:\n"
    "  - id: log\n"
    "    type: io.kestra.plugin.core.log.Log\n"
    "    message: |\n"
    "      Team {{ envs.my_team }} on {{ myenvs.x }}, {{ kestra.envs.y }}\n"
    "      envs.not_an_expression_before_the_braces {{ envs.region | upper }}\n";

TEST(EnvVarsPrefixRuleTest, EveryEnvsReadInAnExpressionAtItsPlace) {
  const auto findings = CheckText("flows/report.yml", kFlow, "oss", "0.23");
  EXPECT_THAT(Located(findings),
              ElementsAre("7:15 env-vars-prefix-changed", "8:51 env-vars-prefix-changed"));
  EXPECT_EQ(findings[0].message,
            "envs.my_team reads the environment variable ENV_MY_TEAM from Kestra 0.23: the "
            "default kestra.variables.env-vars-prefix changed from KESTRA_ to ENV_, so "
            "KESTRA_MY_TEAM is no longer read");
  EXPECT_EQ(findings[0].end_column, 27);
}

TEST(EnvVarsPrefixRuleTest, AConfiguredPrefixAnywhereInTheScanOrAnOlderTargetIsFine) {
  EXPECT_TRUE(CheckFiles({{"flows/report.yml", kFlow},
                          {".env", "KESTRA_VARIABLES_ENV_VARS_PREFIX=KESTRA_\n"}},
                         "oss", "0.23")
                  .empty());
  EXPECT_TRUE(CheckText("flows/report.yml", kFlow, "oss", "0.22").empty());
}

}  // namespace
}  // namespace kestra_lint
