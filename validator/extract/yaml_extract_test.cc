#include "extract/yaml_extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::Contains;
using testing::Located;

// Keys a merge key ('<<: *anchor') brings in are configuration like any
// other, reported where they are written; the map's own keys win.
TEST(YamlExtractTest, MergeKeysBringTheirKeysIn) {
  const std::string text =
      "x-tenants: &t\n"
      "  enabled: true\n"
      "  defaultTenant: true\n"
      "kestra:\n"
      "  ee:\n"
      "    tenants:\n"
      "      <<: *t\n"
      "      defaultTenant: false\n";
  EXPECT_THAT(Located(CheckText("application.yml", text)), Contains("2:3 removed-tenants-enabled"));
  const ScannedFile file = ExtractText("application.yml", text);
  size_t merged = 0;
  for (const PropertyRecord& record : file.properties) {
    if (record.key == "kestra.ee.tenants.enabled") {
      EXPECT_TRUE(record.merged);
      ++merged;
    }
    if (record.key == "kestra.ee.tenants.default-tenant") {
      EXPECT_EQ(record.value, "false");
    }
  }
  EXPECT_EQ(merged, 1u);
}

TEST(YamlExtractTest, MergeKeySequencesAndNestedMerges) {
  const std::string text =
      "base: &base {enabled: true}\n"
      "more: &more {<<: *base, defaultTenant: true}\n"
      "kestra:\n"
      "  ee:\n"
      "    tenants:\n"
      "      <<: [*more, {enabled: false}]\n";
  const std::vector<std::string> found = Located(CheckText("application.yml", text));
  EXPECT_THAT(found, Contains("1:14 removed-tenants-enabled"));
  EXPECT_THAT(found, Contains("2:25 removed-default-tenant"));
}

// The walk for URIs is iterative: a long list beside an alias that names
// its own list does not grow the stack.
TEST(YamlExtractTest, UrisBesideARecursiveAlias) {
  std::string text = "a: &a [*a, '/api/v1/flows']\nb: [";
  for (int i = 0; i < 3000; ++i) text += "1, ";
  text += "'/api/v1/executions']\n";
  const ScannedFile file = ExtractText("other.yml", text);
  ASSERT_EQ(file.uris.size(), 2u);
  EXPECT_EQ(file.uris[0].text, "/api/v1/flows");
  EXPECT_EQ(file.uris[1].property, "b");
}

}  // namespace
}  // namespace kestra_lint
