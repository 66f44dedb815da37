// FixFiles over a disk: it writes from the texts the scan kept and reads a
// file again only to verify that it did not change before replacing it.
#include "fix/fix_files.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/memory_disk.h"
#include "pipeline/scan.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

TEST(FixFilesTest, WritesFromTheScannedTextAndReadsOnlyToVerify) {
  MemoryDisk disk;
  disk.AddFile("ws/application.yml",
               "kestra:\n  ee:\n    tenants:\n      enabled: true\n    license: x\n");
  ScanOptions options;
  options.paths = {"ws"};
  options.disk = &disk;
  options.keep_texts_to_fix = true;
  const ScanResult result = RunScan(options, testing::BuiltinRules());
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_FALSE(result.files[0].text.empty());
  FixFilesOptions fix;
  fix.disk = &disk;
  std::ostringstream out;
  std::ostringstream log;
  const FixFilesResult fixed = FixFiles(options, testing::BuiltinRules(), result, fix, out, log);
  EXPECT_FALSE(fixed.refused) << log.str();
  EXPECT_EQ(fixed.files_changed, 1u);
  EXPECT_EQ(disk.Text("ws/application.yml"), "kestra:\n  ee:\n    license: x\n");
  EXPECT_EQ(disk.ReadsOf("ws/application.yml"), 1);  // the scan's; ReplaceFile verifies in place

  disk.AddFile("ws/application.yml", "changed: true\n");
  std::ostringstream again;
  EXPECT_TRUE(FixFiles(options, testing::BuiltinRules(), result, fix, out, again).refused);
  EXPECT_EQ(disk.Text("ws/application.yml"), "changed: true\n");
}

}  // namespace
}  // namespace kestra_lint

namespace kestra_lint {
namespace {

struct FixedRun {
  FixFilesResult result;
  std::string out;
  std::string log;
};

FixedRun Fix(MemoryDisk& disk, std::vector<std::string> paths, bool write = true,
             const std::string& stdin_text = "", const std::string& stdin_filename = "") {
  ScanOptions options;
  options.paths = std::move(paths);
  options.disk = &disk;
  options.keep_texts_to_fix = true;
  options.settings.tenant = "prod";
  options.stdin_text = stdin_text;
  if (!stdin_filename.empty()) options.stdin_filename = stdin_filename;
  const ScanResult scanned = RunScan(options, testing::BuiltinRules());
  FixFilesOptions fix;
  fix.disk = &disk;
  fix.write = write;
  std::ostringstream out;
  std::ostringstream log;
  FixedRun run{FixFiles(options, testing::BuiltinRules(), scanned, fix, out, log), "", ""};
  run.out = out.str();
  run.log = log.str();
  return run;
}

const char kEnterpriseCompose[] =
    "services:\n  kestra:\n    image: registry.kestra.io/docker/kestra-ee:latest\n"
    "    environment:\n      JAVA_OPTS: \"-Xmx2g -Dkestra.ee.tenants.enabled=true\"\n"
    "      KESTRA_CONFIGURATION: |\n        kestra:\n          ee:\n            license:\n"
    "              id: abc\n            tenants:\n              defaultTenant: true\n";

// Replacing defaultTenant: true by fallbackTenant leaves no tenant-less
// data, which is what deleting the -D option waits for: both in one run.
TEST(FixFilesTest, ReachesTheFixedPointInOneRun) {
  MemoryDisk disk;
  disk.AddFile("ws/docker-compose.yml", kEnterpriseCompose);
  const FixedRun run = Fix(disk, {"ws"});
  EXPECT_FALSE(run.result.refused) << run.log;
  EXPECT_EQ(run.result.fixes_applied, 2u) << run.log;
  EXPECT_EQ(disk.Text("ws/docker-compose.yml"),
            "services:\n  kestra:\n    image: registry.kestra.io/docker/kestra-ee:latest\n"
            "    environment:\n      JAVA_OPTS: \"-Xmx2g\"\n"
            "      KESTRA_CONFIGURATION: |\n        kestra:\n          ee:\n            license:\n"
            "              id: abc\n            tenants:\n              fallbackTenant: prod\n");
  // Both fixes are listed where they were in the file as read.
  EXPECT_NE(run.log.find("fixed: ws/docker-compose.yml:5:28: "), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("fixed: ws/docker-compose.yml:12:15: "), std::string::npos) << run.log;
  const FixedRun again = Fix(disk, {"ws"});
  EXPECT_EQ(again.result.fixes_applied, 0u) << again.log;

  // Chart values: the extraEnv entry went only on a second run before.
  disk.AddFile("chart/values.yaml",
               "image:\n  repository: kestra/kestra-ee\nconfiguration:\n  kestra:\n    ee:\n"
               "      tenants:\n        enabled: true\n        defaultTenant: true\ncommon:\n"
               "  extraEnv:\n    - name: KESTRA_EE_TENANTS_ENABLED\n      value: \"true\"\n");
  const FixedRun chart = Fix(disk, {"chart"});
  EXPECT_EQ(disk.Text("chart/values.yaml"),
            "image:\n  repository: kestra/kestra-ee\nconfiguration:\n  kestra:\n    ee:\n"
            "      tenants:\n        fallbackTenant: prod\ncommon:\n  extraEnv: []\n")
      << chart.log;
  EXPECT_EQ(Fix(disk, {"chart"}).result.fixes_applied, 0u);
}

// The diff of a run of several rounds is one diff against the file as read.
TEST(FixFilesTest, TheDiffOfSeveralRoundsIsAgainstTheFileAsRead) {
  MemoryDisk disk;
  disk.AddFile("ws/docker-compose.yml", kEnterpriseCompose);
  const FixedRun run = Fix(disk, {"ws"}, false);
  EXPECT_EQ(disk.Text("ws/docker-compose.yml"), kEnterpriseCompose);
  EXPECT_EQ(run.out,
            "--- a/ws/docker-compose.yml\n+++ b/ws/docker-compose.yml\n@@ -2,11 +2,11 @@\n"
            "   kestra:\n     image: registry.kestra.io/docker/kestra-ee:latest\n"
            "     environment:\n-      JAVA_OPTS: \"-Xmx2g -Dkestra.ee.tenants.enabled=true\"\n"
            "+      JAVA_OPTS: \"-Xmx2g\"\n       KESTRA_CONFIGURATION: |\n         kestra:\n"
            "           ee:\n             license:\n               id: ****\n"
            "             tenants:\n-              defaultTenant: true\n"
            "+              fallbackTenant: prod\n");
  EXPECT_EQ(run.result.fixes_applied, 2u);
}

const char kRemovable[] = "kestra:\n  ee:\n    tenants:\n      enabled: true\n    license: x\n";
const char kRemoved[] = "kestra:\n  ee:\n    license: x\n";

TEST(FixFilesTest, NeverWritesThroughASymlinkToAFileOutsideThePathsGiven) {
  MemoryDisk disk;
  disk.AddFile("elsewhere/application.yml", kRemovable);
  disk.AddSymlink("ws/application.yml", "elsewhere/application.yml");
  const FixedRun run = Fix(disk, {"ws"});
  EXPECT_TRUE(run.result.refused);
  EXPECT_NE(run.log.find("refused: ws/application.yml: it is a symlink to "
                         "elsewhere/application.yml, outside the paths given; fix writes only "
                         "inside them (name the target to fix it); nothing written"),
            std::string::npos)
      << run.log;
  EXPECT_EQ(disk.Text("elsewhere/application.yml"), kRemovable);
  // Named on the command line, the link's target is a path given.
  EXPECT_FALSE(Fix(disk, {"ws/application.yml"}).result.refused);
  EXPECT_EQ(disk.Text("elsewhere/application.yml"), kRemoved);
  EXPECT_EQ(disk.TypeOf("ws/application.yml"), PathType::kFile);
}

TEST(FixFilesTest, ASymlinkInsideIsFollowedAndItsTargetFixedOnce) {
  MemoryDisk disk;
  disk.AddFile("ws/conf/application.yml", kRemovable);
  disk.AddSymlink("ws/application.yml", "ws/conf/application.yml");
  const FixedRun run = Fix(disk, {"ws"});
  EXPECT_FALSE(run.result.refused) << run.log;
  EXPECT_EQ(run.result.files_changed, 1u) << run.log;
  EXPECT_EQ(disk.Text("ws/conf/application.yml"), kRemoved);
  EXPECT_EQ(disk.Text("ws/application.yml"), kRemoved);  // still the link, read through

  MemoryDisk alone;
  alone.AddFile("ws/conf/application.yml", kRemovable);
  alone.AddSymlink("ws/application.yml", "ws/conf/application.yml");
  EXPECT_FALSE(Fix(alone, {"ws/application.yml"}).result.refused);
  EXPECT_EQ(alone.Text("ws/conf/application.yml"), kRemoved);
}

TEST(FixFilesTest, AReadOnlyFileIsRefusedAndSaysSo) {
  MemoryDisk disk;
  disk.AddFile("ws/application.yml", kRemovable);
  disk.AddFile("ws/other/application.yml", kRemovable);
  disk.SetReadOnly("ws/application.yml");
  const FixedRun run = Fix(disk, {"ws"});
  EXPECT_TRUE(run.result.refused);
  EXPECT_NE(run.log.find("refused: ws/application.yml: it is read-only (no write permission); "
                         "fix leaves it as it is; nothing written"),
            std::string::npos)
      << run.log;
  EXPECT_EQ(disk.Text("ws/application.yml"), kRemovable);
  EXPECT_EQ(disk.Text("ws/other/application.yml"), kRemoved);
}

TEST(FixFilesTest, StandardInputIsFixedOntoStandardOutput) {
  MemoryDisk disk;
  const FixedRun run = Fix(disk, {"-"}, true, kEnterpriseCompose, "docker-compose.yml");
  EXPECT_FALSE(run.result.refused) << run.log;
  EXPECT_EQ(run.result.fixes_applied, 2u);
  EXPECT_NE(run.out.find("JAVA_OPTS: \"-Xmx2g\"\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("fallbackTenant: prod\n"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("--- a/"), std::string::npos);
  // Nothing to fix: the text comes back as it was, as a formatter's would.
  EXPECT_EQ(Fix(disk, {"-"}, true, "a: 1\n", "docker-compose.yml").out, "a: 1\n");
  const FixedRun diff = Fix(disk, {"-"}, false, kEnterpriseCompose, "docker-compose.yml");
  EXPECT_EQ(diff.out.rfind("--- a/docker-compose.yml\n+++ b/docker-compose.yml\n", 0), 0u)
      << diff.out;
}

}  // namespace
}  // namespace kestra_lint
