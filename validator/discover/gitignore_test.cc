#include "discover/gitignore.h"

#include <gtest/gtest.h>

#include "base/memory_disk.h"
#include "discover/discover.h"

namespace kestra_lint {
namespace {

TEST(GitignoreTest, PatternsFollowGitsRules) {
  GitignoreRules rules;
  rules.Add("repo", "# generated\n*.log\n/dist-app\ncache/\ndocs/api/*.md\n!keep.log\n");
  EXPECT_TRUE(rules.Ignored("repo/a.log", false));
  EXPECT_TRUE(rules.Ignored("repo/sub/b.log", false));
  EXPECT_FALSE(rules.Ignored("repo/keep.log", false));
  EXPECT_TRUE(rules.Ignored("repo/dist-app", true));
  EXPECT_FALSE(rules.Ignored("repo/sub/dist-app", true));  // anchored
  EXPECT_TRUE(rules.Ignored("repo/x/cache", true));
  EXPECT_FALSE(rules.Ignored("repo/x/cache", false));  // folders only
  EXPECT_TRUE(rules.Ignored("repo/docs/api/flows.md", false));
  EXPECT_FALSE(rules.Ignored("repo/docs/flows.md", false));
  EXPECT_FALSE(rules.Ignored("other/a.log", false));
}

TEST(GitignoreTest, TheWalkHonoursNestedGitignoreFiles) {
  MemoryDisk disk;
  disk.AddFile("ws/.gitignore", "generated/\n*.min.js\n");
  disk.AddFile("ws/app/.gitignore", "secret.ts\n");
  disk.AddFile("ws/app/client.ts", "");
  disk.AddFile("ws/app/secret.ts", "");
  disk.AddFile("ws/app/bundle.min.js", "");
  disk.AddFile("ws/generated/api.ts", "");
  disk.AddFile("ws/other/secret.ts", "");
  disk.AddFile("ws/dist/out.js", "");
  std::vector<std::string> paths;
  for (const DiscoveredFile& file : Discover({"ws"}, disk).files) paths.push_back(file.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"ws/app/client.ts", "ws/other/secret.ts"}));
}

}  // namespace
}  // namespace kestra_lint
