#include "rules/running_version_rule.h"

#include "rule_test_support.h"

namespace kestra_lint {
namespace {

using testing::RulesWithPreview;

std::vector<Finding> PreviewFindings(const std::string& compose) {
  return testing::OfRule(
      CheckText("docker-compose.yml", compose, "oss", "", RulesWithPreview("2.0")),
      "preview-2-0-data-before-1-0");
}

TEST(RunningVersionRuleTest, AnImageOlderThanTheVersionGiven) {
  const auto findings = PreviewFindings(
      "services:\n"
      "  kestra:\n"
      "    image: kestra/kestra:v0.24.6\n"
      "    command: server standalone\n");
  ASSERT_THAT(Located(findings), ElementsAre("3:12 preview-2-0-data-before-1-0"));
  EXPECT_EQ(findings[0].property, "0.24.6");
  EXPECT_NE(findings[0].message.find("unreleased, may change"), std::string::npos);
}

TEST(RunningVersionRuleTest, NotFromThatVersionOn) {
  EXPECT_TRUE(PreviewFindings("services:\n"
                              "  kestra:\n"
                              "    image: kestra/kestra:v1.0.3\n"
                              "    command: server standalone\n")
                  .empty());
}

}  // namespace
}  // namespace kestra_lint
