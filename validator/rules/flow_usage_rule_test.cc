#include "rules/flow_usage_rule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;
using testing::OfRule;

TEST(FlowUsageRuleTest, TasksOfAPackageThatSetAKey) {
  const auto findings = OfRule(CheckText("flow.yml",
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
                                         "oss", "0.23"),
                               "jdbc-autocommit-removed");
  ASSERT_THAT(Located(findings), ElementsAre("5:11 jdbc-autocommit-removed"));
  EXPECT_EQ(findings[0].property, "a");
}

TEST(FlowUsageRuleTest, TasksNestedInFlowableTasksAndTriggers) {
  const auto findings = OfRule(CheckText("flow.yml",
                                         "id: ingest\n"
                                         "namespace: company\n"
                                         "tasks:\n"
                                         "  - id: parallel\n"
                                         "    type: io.kestra.plugin.core.flow.Parallel\n"
                                         "    tasks:\n"
                                         "      - id: tap\n"
                                         "        type: io.kestra.plugin.singer.taps.GitHub\n",
                                         "oss", "1.0"),
                               "singer-plugin-removed");
  EXPECT_THAT(Located(findings), ElementsAre("8:15 singer-plugin-removed"));
}

TEST(FlowUsageRuleTest, ExpressionsCallingAFunctionByItsWholeName) {
  const auto findings =
      OfRule(CheckText("flow.yml",
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
                       "oss", "1.2"),
             "namespace-files-metadata");
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
  EXPECT_TRUE(OfRule(CheckText("flow.yml", flow, "oss", "1.1"), "foreach-item-iteration-from-zero")
                  .empty());
}

TEST(FlowUsageRuleTest, EditionAndTargetGateTheRule) {
  const std::string flow =
      "id: purge\n"
      "namespace: company\n"
      "tasks:\n"
      "  - id: p\n"
      "    type: io.kestra.plugin.ee.core.log.PurgeAuditLogs\n"
      "    permissions: [FLOW]\n";
  EXPECT_EQ(OfRule(CheckText("flow.yml", flow, "ee", "1.0"), "purge-audit-logs-resources").size(),
            1u);
  EXPECT_TRUE(
      OfRule(CheckText("flow.yml", flow, "oss", "1.0"), "purge-audit-logs-resources").empty());
  EXPECT_TRUE(
      OfRule(CheckText("flow.yml", flow, "ee", "0.24"), "purge-audit-logs-resources").empty());
}

}  // namespace
}  // namespace kestra_lint
