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
