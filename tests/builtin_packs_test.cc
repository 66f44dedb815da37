// The built-in rule packs skip schema validation at run time (it is most of
// a cold start): this is where they are validated instead.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "embedded_files.h"
#include "rule_pack.h"

namespace kestra_lint {
namespace {

TEST(BuiltinPacksTest, EveryBuiltinPackPassesSchemaValidation) {
  RuleSet validated;
  size_t packs = 0;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.name.rfind("rules/", 0) != 0) continue;
    EXPECT_NO_THROW(LoadRulePack(file.bytes, file.name, validated)) << file.name;
    ++packs;
  }
  EXPECT_GT(packs, 0u);
  const auto sorted_ids = [](const RuleSet& rules) {
    std::vector<std::string> ids;
    for (const auto& rule : rules.rules) ids.push_back(rule->id());
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(sorted_ids(LoadBuiltinRules()), sorted_ids(validated));
}

}  // namespace
}  // namespace kestra_lint
