#include "rules/reserved_flow_id_rule.h"

#include "rule_test_support.h"

namespace kestra_lint {
namespace {

const char kFlowNamedPause[] =
    "id: pause\n"
    "namespace: company.team\n"
    "tasks:\n"
    "  - id: kill\n"
    "    type: io.kestra.plugin.core.log.Log\n"
    "    message: hi\n";

TEST(ReservedFlowIdRuleTest, TheFlowsOwnIdNotItsTasksIds) {
  const auto findings = RuleFindings("reserved-flow-id", "flow.yml", kFlowNamedPause, "oss", "1.0");
  ASSERT_THAT(Located(findings), ElementsAre("1:5 reserved-flow-id"));
  EXPECT_EQ(findings[0].property, "pause");
  EXPECT_EQ(findings[0].message,
            "Flow id 'pause' is reserved since Kestra 1.0, where it collides with an API route: "
            "the flow can no longer be saved or edited");
  EXPECT_TRUE(RuleFindings("reserved-flow-id", "flow.yml",
                           "id: pause_line\nnamespace: company\ntasks:\n"
                           "  - id: pause\n    type: io.kestra.plugin.core.flow.Pause\n",
                           "oss", "1.0")
                  .empty());
}

TEST(ReservedFlowIdRuleTest, OnlyFromOneZeroAndOnlyInFlows) {
  EXPECT_TRUE(RuleFindings("reserved-flow-id", "flow.yml", kFlowNamedPause, "oss", "0.24").empty());
  EXPECT_TRUE(
      RuleFindings("reserved-flow-id", "values.yaml", "id: pause\nreplicas: 1\n", "oss", "1.0")
          .empty());
}

}  // namespace
}  // namespace kestra_lint
