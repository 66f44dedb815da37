#include "lsp/lsp_uri.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

TEST(LspUri, PathsWithSpacesAndNonAsciiRoundTrip) {
  const std::string path = "/home/ops/d\xC3\xA9ploiement/docker compose.yml";
  const std::string uri = UriFromPath(path);
  EXPECT_EQ(uri, "file:///home/ops/d%C3%A9ploiement/docker%20compose.yml");
  EXPECT_EQ(PathFromUri(uri), path);
}

TEST(LspUri, AuthorityAndLowerCaseEscapesAreAccepted) {
  EXPECT_EQ(PathFromUri("file://localhost/srv/a%2fb.yml"), "/srv/a/b.yml");
  EXPECT_EQ(PathFromUri("file:///srv/100%"), "/srv/100%");
}

TEST(LspUri, OtherSchemesHaveNoPath) {
  EXPECT_EQ(PathFromUri("untitled:Untitled-1"), "");
  EXPECT_EQ(PathFromUri("https://example.com/a.yml"), "");
}

}  // namespace
}  // namespace kestra_lint
