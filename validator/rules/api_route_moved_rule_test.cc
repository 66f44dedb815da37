#include "rules/api_route_moved_rule.h"

#include "rule_test_support.h"

namespace kestra_lint {
namespace {

using testing::RulesWithPreview;

const char kScript[] =
    "#!/bin/sh\n"
    "curl -X POST \"$KESTRA_URL/api/v1/main/executions/$ID/restart\"\n"
    "curl -X DELETE \"$KESTRA_URL/api/v1/main/executions/$ID/kill?isOnKillCascade=true\"\n"
    "curl -X POST \"$KESTRA_URL/api/v1/main/executions/restart/by-ids\"\n"
    "curl -X POST \"$KESTRA_URL/api/v1/main/executions/$ID/actions/pause\"\n";

TEST(ApiRouteMovedRuleTest, ActionsOnOneExecutionNotBulkOrMovedOnes) {
  const auto findings =
      testing::OfRule(CheckText("restart.sh", kScript, "oss", "", RulesWithPreview("2.0")),
                      "preview-2-0-execution-action-route");
  ASSERT_THAT(Located(findings), ElementsAre("2:15 preview-2-0-execution-action-route",
                                             "3:17 preview-2-0-execution-action-route"));
  EXPECT_EQ(findings[1].property, "kill");
  EXPECT_EQ(findings[0].suggestion, "On 2.0, call executions/$ID/actions/restart");
  EXPECT_NE(findings[0].message.find("unreleased, may change"), std::string::npos);
}

TEST(ApiRouteMovedRuleTest, OnlyWithThePreviewPack) {
  EXPECT_TRUE(
      RuleFindings("preview-2-0-execution-action-route", "restart.sh", kScript, "oss").empty());
}

}  // namespace
}  // namespace kestra_lint
