#include "rules/rule_explanation.h"

#include <gtest/gtest.h>

#include "rules/rule_pack.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::BuiltinRules;
using testing::RunCliInProcess;
using testing::TempDir;

constexpr char kPack[] =
    "id: kestra-9.9\nversion: 1.0.0\ntitle: Future\nrules:\n  - id: removed-future-key\n"
    "    type: PropertySet\n    title: Future key removed\n    severity: warning\n"
    "    docs: https://kestra.io/docs/future\n"
    "    message: \"'{written}' is gone\"\n    properties: [kestra.future.someKey]\n";

TEST(RuleExplanationTest, ARuleWithAPageIsExplainedByItsPage) {
  const Rule* rule = BuiltinRules().Find("removed-default-tenant");
  ASSERT_NE(rule, nullptr);
  const std::string page = RuleDocPage("removed-default-tenant");
  ASSERT_EQ(page.rfind("# removed-default-tenant", 0), 0u);
  EXPECT_EQ(ExplainRule(*rule), page);
  EXPECT_EQ(RuleDocPage("removed-future-key"), "");
}

TEST(RuleExplanationTest, APackRuleWithoutAPageIsExplainedByItsDefinition) {
  RuleSet rules;
  LoadRulePack(kPack, "future.yaml", rules);
  EXPECT_EQ(ExplainRule(*rules.Find("removed-future-key")),
            "# removed-future-key\n\nFuture key removed\n\nSeverity: warning\nPack: kestra-9.9\n"
            "Docs: https://kestra.io/docs/future\n");
}

TEST(RuleExplanationTest, TheExplainCommandPrintsExplainRule) {
  const TempDir dir;
  const std::string pack = dir.Write("future.yaml", kPack);
  RuleSet rules;
  LoadRulePack(kPack, "future.yaml", rules);
  const auto run = RunCliInProcess({"explain", "removed-future-key", "--rules", pack});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, ExplainRule(*rules.Find("removed-future-key")));
}

}  // namespace
}  // namespace kestra_lint
