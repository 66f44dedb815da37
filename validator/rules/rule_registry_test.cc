// The rule-pack schema and the registry name the same rule types, so a type
// registered without its schema entry (or the reverse) fails here, not when
// a user's pack is refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "base/embedded_files.h"
#include "rules/rule.h"

namespace kestra_lint {
namespace {

std::set<std::string> SchemaRuleTypes() {
  const EmbeddedFile* schema = FindEmbeddedFile("schemas/rule-pack.schema.json");
  if (schema == nullptr) return {};
  const nlohmann::json json = nlohmann::json::parse(schema->bytes);
  std::set<std::string> types;
  for (const auto& type :
       json.at("definitions").at("rule").at("properties").at("type").at("enum")) {
    types.insert(type.get<std::string>());
  }
  return types;
}

TEST(RuleRegistry, TheSchemaNamesExactlyTheRegisteredTypes) {
  std::set<std::string> registered;
  for (const auto& type : RuleTypes()) registered.insert(type.first);
  EXPECT_FALSE(registered.empty());
  EXPECT_EQ(SchemaRuleTypes(), registered);
}

}  // namespace
}  // namespace kestra_lint
