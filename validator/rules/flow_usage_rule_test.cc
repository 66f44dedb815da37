#include "rules/flow_usage_rule.h"

#include "rule_test_support.h"

namespace kestra_lint {
namespace {

TEST(FlowUsageRuleTest, TasksOfAPackageThatSetAKey) {
  const auto findings = RuleFindings("jdbc-autocommit-removed", "flow.yml",
                                     "id: load\n"
                                     "namespace: company\n"
                                     "tasks:\n"
                                     "  - id: a\n"
                                     "    type: io.kestra.plugin.jdbc.mysql.Query\n"
                                     "    autocommit: true\n"
                                     "  - id: b\n"
                                     "    type: io.kestra.plugin.jdbc.mysql.Query\n"
                                     "  - id: c\n"
                                     "    type: io.kestra.plugin.jdbcx.Query\n"
                                     "    autocommit: true\n",
                                     "oss", "0.23");
  ASSERT_THAT(Located(findings), ElementsAre("5:11 jdbc-autocommit-removed"));
  EXPECT_EQ(findings[0].property, "a");
}

TEST(FlowUsageRuleTest, TasksNestedInFlowableTasksAndTriggers) {
  const auto findings = RuleFindings("singer-plugin-removed", "flow.yml",
                                     "id: ingest\n"
                                     "namespace: company\n"
                                     "tasks:\n"
                                     "  - id: parallel\n"
                                     "    type: io.kestra.plugin.core.flow.Parallel\n"
                                     "    tasks:\n"
                                     "      - id: tap\n"
                                     "        type: io.kestra.plugin.singer.taps.GitHub\n",
                                     "oss", "1.0");
  EXPECT_THAT(Located(findings), ElementsAre("8:15 singer-plugin-removed"));
}

TEST(FlowUsageRuleTest, ExpressionsCallingAFunctionByItsWholeName) {
  const auto findings =
      RuleFindings("namespace-files-metadata", "flow.yml",
                   "id: etl\n"
                   "namespace: company\n"
                   "tasks:\n"
                   "  - id: a\n"
                   "    type: io.kestra.plugin.core.log.Log\n"
                   "    message: \"{{ read('a.sql') }}\"\n"
                   "  - id: b\n"
                   "    type: io.kestra.plugin.core.log.Log\n"
                   "    message: \"{{ thread('x') }} read('not an expression')\"\n"
                   "  - id: c\n"
                   "    type: io.kestra.plugin.core.log.Log\n"
                   "    message: read('plain text, no expression')\n",
                   "oss", "1.2");
  ASSERT_THAT(Located(findings),
              ElementsAre("6:14 namespace-files-metadata", "9:14 namespace-files-metadata"));
  EXPECT_EQ(findings[0].message,
            "In this flow an expression uses read(, which reads Namespace Files: from Kestra 1.2 "
            "the flow cannot find them until `kestra migrate metadata nsfiles` has run");
}

TEST(FlowUsageRuleTest, ExpressionsOnlyInFlowsWithTheNamedTask) {
  const std::string flow =
      "id: loop\n"
      "namespace: company\n"
      "tasks:\n"
      "  - id: each\n"
      "    type: io.kestra.plugin.core.flow.ForEach\n"
      "    values: [1, 2]\n"
      "    tasks:\n"
      "      - id: log\n"
      "        type: io.kestra.plugin.core.log.Log\n"
      "        message: \"{{ taskrun.iteration }}\"\n";
  EXPECT_TRUE(
      RuleFindings("foreach-item-iteration-from-zero", "flow.yml", flow, "oss", "1.1").empty());
}

TEST(FlowUsageRuleTest, EditionAndTargetGateTheRule) {
  const std::string flow =
      "id: purge\n"
      "namespace: company\n"
      "tasks:\n"
      "  - id: p\n"
      "    type: io.kestra.plugin.ee.core.log.PurgeAuditLogs\n"
      "    permissions: [FLOW]\n";
  EXPECT_EQ(RuleFindings("purge-audit-logs-resources", "flow.yml", flow, "ee", "1.0").size(), 1u);
  EXPECT_TRUE(RuleFindings("purge-audit-logs-resources", "flow.yml", flow, "oss", "1.0").empty());
  EXPECT_TRUE(RuleFindings("purge-audit-logs-resources", "flow.yml", flow, "ee", "0.24").empty());
}

// valueContains: the withKey scalar must hold the text, and the finding is at it.
TEST(FlowUsageRuleTest, AKeyWhoseValueHoldsTheText) {
  const auto findings = RuleFindings("input-defaults-expression", "flow.yml",
                                     "id: session\n"
                                     "namespace: company\n"
                                     "inputs:\n"
                                     "  - id: sessionId\n"
                                     "    type: STRING\n"
                                     "    defaults: \"{{ execution.id }}\"\n"
                                     "  - id: region\n"
                                     "    type: STRING\n"
                                     "    defaults: eu-west-1\n"
                                     "  - id: days\n"
                                     "    type: INT\n"
                                     "    required: false\n"
                                     "tasks:\n"
                                     "  - id: log\n"
                                     "    type: io.kestra.plugin.core.log.Log\n"
                                     "    message: \"{{ inputs.sessionId }}\"\n",
                                     "oss", "1.0");
  ASSERT_THAT(Located(findings), ElementsAre("6:15 input-defaults-expression"));
  EXPECT_EQ(findings[0].property, "sessionId");
  EXPECT_EQ(findings[0].message,
            "Input 'sessionId' has a default holding an expression: since Kestra 1.0 the default "
            "is rendered when the inputs are read, no longer passed on as text, and an expression "
            "that needs the running execution fails there");
}

TEST(FlowUsageRuleTest, TasksLeavingAKeyUnset) {
  const auto findings = RuleFindings("file-listing-max-files", "flow.yml",
                                     "id: ingest\n"
                                     "namespace: company\n"
                                     "tasks:\n"
                                     "  - id: all\n"
                                     "    type: io.kestra.plugin.gcp.gcs.List\n"
                                     "    from: gs://landing/\n"
                                     "  - id: some\n"
                                     "    type: io.kestra.plugin.gcp.gcs.List\n"
                                     "    from: gs://landing/\n"
                                     "    maxFiles: 1000\n"
                                     "triggers:\n"
                                     "  - id: watch\n"
                                     "    type: io.kestra.plugin.azure.storage.blob.Trigger\n"
                                     "    container: landing\n",
                                     "oss", "1.3");
  EXPECT_THAT(Located(findings),
              ElementsAre("5:11 file-listing-max-files", "13:11 file-listing-max-files"));
  EXPECT_TRUE(RuleFindings("file-listing-max-files", "flow.yml",
                           "id: ingest\nnamespace: company\ntasks:\n"
                           "  - id: all\n    type: io.kestra.plugin.aws.s3.List\n",
                           "oss", "1.2")
                  .empty());
}

}  // namespace
}  // namespace kestra_lint
