#include "extract/api_uri.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

std::vector<std::string> Uris(const std::string& text) {
  std::vector<std::string> uris;
  for (const ApiUriMatch& match : FindApiUris(text)) {
    uris.push_back(text.substr(match.begin, match.end - match.begin));
  }
  return uris;
}

TEST(ApiUriTest, FindsUrisWithTheirBaseInShellText) {
  EXPECT_EQ(Uris("curl -s \"http://kestra:8080/api/v1/flows/a/b?x=1\" | jq ."),
            std::vector<std::string>{"http://kestra:8080/api/v1/flows/a/b?x=1"});
  EXPECT_EQ(Uris("uri: {{ kestra.url }}/api/v1/executions/{{ outputs.x.id }}."),
            std::vector<std::string>{"{{ kestra.url }}/api/v1/executions/{{ outputs.x.id }}"});
  EXPECT_EQ(Uris("URL=$KESTRA_HOST/api/v1/flows"),
            std::vector<std::string>{"$KESTRA_HOST/api/v1/flows"});
  EXPECT_EQ(Uris("f\"{BASE}/api/v1/main/executions\""),
            std::vector<std::string>{"{BASE}/api/v1/main/executions"});
}

TEST(ApiUriTest, IgnoresOtherApiVersions) {
  EXPECT_TRUE(Uris("/api/v10/flows /api/v1beta/x").empty());
  EXPECT_EQ(Uris("/api/v1").size(), 1u);
}

TEST(ApiUriTest, SplitsBaseAndSegments) {
  const ApiUri uri = ParseApiUri("http://loki:3100/loki/api/v1/push");
  EXPECT_EQ(uri.base, "http://loki:3100/loki");
  EXPECT_EQ(uri.base_path, "/loki");
  ASSERT_EQ(uri.segments.size(), 1u);
  EXPECT_EQ(uri.segments[0], "push");

  const ApiUri templated = ParseApiUri("{{ kestra.url }}/api/v1/{{ flow.tenantId }}/flows/x?y=1");
  EXPECT_EQ(templated.base_path, "");
  ASSERT_EQ(templated.segments.size(), 3u);
  EXPECT_EQ(templated.segments[0], "{{ flow.tenantId }}");
  EXPECT_TRUE(IsPlaceholderSegment(templated.segments[0]));
  EXPECT_EQ(templated.segments[2], "x");
}

}  // namespace
}  // namespace kestra_lint
