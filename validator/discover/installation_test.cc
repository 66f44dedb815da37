#include "discover/installation.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

// `folder` as InstallationRootOf names it: relative to the current folder.
std::string AsRoot(const std::string& folder) {
  return fs::relative(folder, fs::current_path()).generic_string();
}

TEST(InstallationTest, TheNearestConfigAboveAFileMakesItsRoot) {
  const TempDir dir;
  dir.Write("team/.kestra-lint.yaml", "");
  dir.Write("team/nested/.kestra-lint.yaml", "");
  const std::string outer = dir.Write("team/deploy/k8s/values.yaml", "");
  const std::string inner = dir.Write("team/nested/app/application.yml", "");
  EXPECT_EQ(InstallationRootOf(outer), AsRoot(dir.path() + "/team"));
  EXPECT_EQ(InstallationRootOf(inner), AsRoot(dir.path() + "/team/nested"));
  // A file not written yet (an unsaved editor buffer) has a root too.
  EXPECT_EQ(InstallationRootOf(dir.path() + "/team/new.yml"), AsRoot(dir.path() + "/team"));
  EXPECT_TRUE(fs::is_regular_file(ConfigFileOf(InstallationRootOf(inner))));
}

TEST(InstallationTest, AConfigFileMakesItsFolderARootBeforeItIsSaved) {
  const TempDir dir;
  dir.Write("team/.kestra-lint.yaml", "");
  const std::string unsaved = dir.path() + "/team/sub/" + kConfigFileName;
  EXPECT_TRUE(IsConfigFile(unsaved));
  EXPECT_FALSE(IsConfigFile(dir.path() + "/team/application.yml"));
  EXPECT_EQ(InstallationRootOf(unsaved), AsRoot(dir.path() + "/team/sub"));
  EXPECT_EQ(InstallationRootOf(dir.path() + "/team/sub/app.yml"), AsRoot(dir.path() + "/team"));
}

TEST(InstallationTest, NoConfigAboveMeansNoRoot) {
  const TempDir dir;
  const std::string file = dir.Write("plain/application.yml", "");
  EXPECT_EQ(InstallationRootOf(file), "");
  EXPECT_EQ(FindConfigFile(file), "");
  EXPECT_EQ(FindConfigFile(dir.path() + "/plain"), "");
}

TEST(InstallationTest, FindConfigFileStartsInAFolderOrInTheFolderOfAFile) {
  const TempDir dir;
  const std::string config = dir.Write("team/.kestra-lint.yaml", "");
  dir.Write("team/sub/.kestra-lint.yaml", "");
  const std::string file = dir.Write("team/app.yml", "");
  // Outside the current folder: shown absolute.
  EXPECT_EQ(FindConfigFile(file), fs::path(config).generic_string());
  EXPECT_EQ(FindConfigFile(dir.path() + "/team"), fs::path(config).generic_string());
  EXPECT_EQ(FindConfigFile(dir.path() + "/team/sub"),
            fs::path(dir.path() + "/team/sub/.kestra-lint.yaml").generic_string());
}

TEST(InstallationTest, InsideTheCurrentFolderRootsAndConfigsAreRelative) {
  // The tests run in the source folder; examples/ee-env/before has a config.
  const std::string root = "examples/ee-env/before";
  EXPECT_EQ(InstallationRootOf(root + "/deploy/anything.yml"), root);
  EXPECT_EQ(FindConfigFile(root), root + "/" + kConfigFileName);
  EXPECT_EQ(FindConfigFile(root + "/anything.yml"), root + "/" + kConfigFileName);
  EXPECT_EQ(ConfigFileOf(root), root + "/" + kConfigFileName);
}

TEST(InstallationTest, AGitRepositoryWithoutAConfigIsAnInstallationOfItsOwn) {
  const TempDir dir;
  dir.Write("repoA/.git/HEAD", "ref: refs/heads/main\n");
  dir.Write("repoB/.git", "gitdir: ../elsewhere\n");  // a worktree or submodule
  dir.Write("repoC/.git/HEAD", "");
  dir.Write("repoC/.kestra-lint.yaml", "");
  const std::string a = dir.Write("repoA/deploy/docker-compose.yml", "");
  const std::string b = dir.Write("repoB/app/client.ts", "");
  EXPECT_EQ(InstallationRootOf(a), AsRoot(dir.path() + "/repoA"));
  EXPECT_EQ(InstallationRootOf(b), AsRoot(dir.path() + "/repoB"));
  EXPECT_FALSE(HasConfigFile(InstallationRootOf(a)));
  EXPECT_TRUE(HasConfigFile(InstallationRootOf(dir.Write("repoC/x.yml", ""))));
}

}  // namespace
}  // namespace kestra_lint
