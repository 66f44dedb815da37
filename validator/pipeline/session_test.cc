#include "pipeline/session.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::TempDir;

constexpr char kPack[] =
    "id: kestra-9.9\nversion: 1.0.0\ntitle: Future\nrules:\n  - id: removed-future-key\n"
    "    type: PropertySet\n    title: Future key removed\n    severity: warning\n"
    "    message: \"'{written}' is gone\"\n    properties: [kestra.future.someKey]\n";

TEST(SessionTest, WithoutPacksTheBuiltinRulesAreShared) {
  const auto builtin = std::make_shared<const RuleSet>(LoadBuiltinRules());
  const InstallationSession session = OpenInstallation(LintConfig{}, {}, {}, builtin);
  EXPECT_EQ(session.rules, builtin);
  EXPECT_FALSE(session.settings.policy.require_reason);
  EXPECT_EQ(session.settings.settings.edition, RequestedEdition::kAuto);
}

TEST(SessionTest, TheConfigsPacksJoinTheRulesAndItsRuleIdsAreChecked) {
  const TempDir dir;
  dir.Write("packs/future.yaml", kPack);
  const std::string config_path = dir.Write(
      ".kestra-lint.yaml",
      "rulePacks: [packs/future.yaml]\nrules:\n  removed-future-key: error\nrequireReason: true\n"
      "tenant: acme\n");
  const InstallationSession session =
      OpenInstallation(LoadConfigFile(config_path), {}, {}, nullptr);
  EXPECT_NE(session.rules->Find("removed-future-key"), nullptr);
  EXPECT_NE(session.rules->Find("removed-default-tenant"), nullptr);
  EXPECT_EQ(session.settings.policy.severities.at("removed-future-key"), Severity::kError);
  EXPECT_TRUE(session.settings.policy.require_reason);
  EXPECT_EQ(session.settings.settings.tenant, "acme");

  // Without the pack the config names a rule nobody knows.
  LintConfig without_pack = LoadConfigFile(config_path);
  without_pack.rule_packs.clear();
  EXPECT_THROW(OpenInstallation(without_pack, {}, {}, nullptr), ConfigError);
}

TEST(SessionTest, ExtraPacksComeAfterTheConfigs) {
  const TempDir dir;
  const std::string pack = dir.Write("future.yaml", kPack);
  const InstallationSession session = OpenInstallation(LintConfig{}, {}, {pack}, nullptr);
  ASSERT_FALSE(session.rules->packs.empty());
  EXPECT_EQ(session.rules->packs.back().id, "kestra-9.9");
}

}  // namespace
}  // namespace kestra_lint
