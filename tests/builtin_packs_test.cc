// The built-in rule packs are compiled to JSON at build time and loaded
// without YAML parsing or schema validation (most of a cold start): this is
// where the YAML sources are validated instead, and where the compiled form
// is checked to give the same packs and rules.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "base/embedded_files.h"
#include "rules/rule_pack.h"

namespace kestra_lint {
namespace {

TEST(BuiltinPacksTest, CompiledPacksGiveTheRulesOfTheirValidatedYamlSources) {
  RuleSet validated;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    const bool yaml =
        file.name.size() > 5 && file.name.compare(file.name.size() - 5, 5, ".yaml") == 0;
    // rules/charts/ holds data; preview packs are YAML only, validated
    // whenever --preview loads them.
    if (file.name.rfind("rules/", 0) != 0 || !yaml || file.name.rfind("rules/preview/", 0) == 0)
      continue;
    EXPECT_NO_THROW(LoadRulePack(file.bytes, file.name, validated)) << file.name;
  }
  const RuleSet compiled = LoadBuiltinRules();
  ASSERT_GT(validated.packs.size(), 0u);
  ASSERT_EQ(compiled.packs.size(), validated.packs.size());
  std::map<std::string, const RulePackInfo*> validated_packs;
  for (const RulePackInfo& pack : validated.packs) validated_packs[pack.source] = &pack;
  for (const RulePackInfo& pack : compiled.packs) {
    ASSERT_TRUE(validated_packs.count(pack.source)) << pack.source;
    const RulePackInfo& source = *validated_packs[pack.source];
    EXPECT_EQ(pack.id, source.id);
    EXPECT_EQ(pack.version, source.version);
    EXPECT_EQ(pack.title, source.title);
    EXPECT_EQ(pack.sha256, source.sha256) << "--version prints the hash of the YAML file";
  }
  ASSERT_EQ(compiled.rules.size(), validated.rules.size());
  for (const auto& rule : compiled.rules) {
    const Rule* same = validated.Find(rule->id());
    ASSERT_NE(same, nullptr) << rule->id();
    EXPECT_EQ(rule->definition().entry, same->definition().entry) << rule->id();
    EXPECT_EQ(*rule->definition().pack_data, *same->definition().pack_data) << rule->id();
    EXPECT_EQ(rule->definition().pack, same->definition().pack) << rule->id();
  }
}

}  // namespace
}  // namespace kestra_lint
