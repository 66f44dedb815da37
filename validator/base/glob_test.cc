#include "base/glob.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

TEST(GlobTest, StarStaysInASegmentDoubleStarCrossesThem) {
  EXPECT_TRUE(GlobMatch("deploy/*.yml", "deploy/app.yml"));
  EXPECT_FALSE(GlobMatch("deploy/*.yml", "deploy/prod/app.yml"));
  EXPECT_TRUE(GlobMatch("deploy/**/*.yml", "deploy/app.yml"));
  EXPECT_TRUE(GlobMatch("deploy/**/*.yml", "deploy/a/b/app.yml"));
  EXPECT_TRUE(GlobMatch("**/values-?.yaml", "charts/kestra/values-a.yaml"));
  EXPECT_FALSE(GlobMatch("**/values-?.yaml", "charts/kestra/values-ab.yaml"));
  EXPECT_TRUE(GlobMatch("legacy/", "legacy/x/y.yml"));
  EXPECT_FALSE(GlobMatch("legacy/", "not-legacy/y.yml"));
}

TEST(GlobTest, PatternWithoutSlashMatchesTheNameInAnyFolder) {
  EXPECT_TRUE(GlobMatch("*.properties", "a/b/app.properties"));
  EXPECT_TRUE(GlobMatch(".env", "svc/.env"));
  EXPECT_FALSE(GlobMatch("*.properties", "a/b/app.yml"));
}

TEST(GlobTest, PathologicalPatternsStayFast) {
  const std::string path(2000, 'a');
  EXPECT_FALSE(GlobMatch("**" + std::string(30, 'a') + "*b", path));
  EXPECT_FALSE(GlobMatch(std::string(200, '*') + "b", path));
}

}  // namespace
}  // namespace kestra_lint
