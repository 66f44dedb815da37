// The disk seam: MemoryDisk behaves as the real disk does for what the
// pipeline asks (listing order, kinds, read refusals, atomic replacement),
// and RealDisk keeps the operating system's promises (a FIFO never blocks,
// link loops and unreadable files are refusals, replacement keeps
// permissions and links).
#include "base/disk.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/memory_disk.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::TempDir;

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Names(const std::vector<DirectoryEntry>& entries) {
  std::vector<std::string> names;
  for (const DirectoryEntry& entry : entries) names.push_back(entry.name);
  return names;
}

TEST(MemoryDiskTest, ListsSortedEntriesWithImplicitFolders) {
  MemoryDisk disk;
  disk.AddFile("root/b.yml", "b: 1\n");
  disk.AddFile("root/a/x.yml", "x: 1\n");
  disk.AddFile("root/./c.env", "C=1\n");
  disk.AddSymlink("root/link", "root/a");
  EXPECT_EQ(Names(disk.ListDirectory("root/")),
            (std::vector<std::string>{"a", "b.yml", "c.env", "link"}));
  const std::vector<DirectoryEntry> entries = disk.ListDirectory("root");
  EXPECT_EQ(entries[0].type, PathType::kDirectory);
  EXPECT_FALSE(entries[0].symlink);
  EXPECT_EQ(entries[1].type, PathType::kFile);
  EXPECT_EQ(entries[3].type, PathType::kDirectory);
  EXPECT_TRUE(entries[3].symlink);
  EXPECT_EQ(disk.TypeOf("root/a"), PathType::kDirectory);
  EXPECT_EQ(disk.TypeOf("root/missing"), PathType::kMissing);
  EXPECT_TRUE(disk.ListDirectory("root/b.yml").empty());
}

TEST(MemoryDiskTest, ReadsOnlyRegularFilesUnderTheCap) {
  MemoryDisk disk;
  disk.AddFile("a.yml", "a: 1\n");
  disk.AddFifo("pipe.yml");
  disk.AddDirectory("folder.yml");
  disk.AddSymlink("loop.yml", "loop.yml");
  std::string text;
  EXPECT_EQ(disk.ReadFile("a.yml", 100, text).status, FileRead::Status::kOk);
  EXPECT_EQ(text, "a: 1\n");
  const FileRead large = disk.ReadFile("a.yml", 4, text);
  EXPECT_EQ(large.status, FileRead::Status::kTooLarge);
  EXPECT_EQ(large.size, 5u);
  EXPECT_TRUE(text.empty());
  EXPECT_EQ(disk.ReadFile("pipe.yml", 100, text).status, FileRead::Status::kNotRegular);
  EXPECT_EQ(disk.ReadFile("folder.yml", 100, text).status, FileRead::Status::kDirectory);
  EXPECT_EQ(disk.ReadFile("loop.yml", 100, text).status, FileRead::Status::kCannotRead);
  EXPECT_EQ(disk.ReadFile("missing.yml", 100, text).error, "No such file or directory");
  EXPECT_EQ(disk.ReadsOf("a.yml"), 1);
}

TEST(MemoryDiskTest, ReplacesOnlyWhatItStillHolds) {
  MemoryDisk disk;
  disk.AddFile("real/a.yml", "a: 1\n");
  disk.AddSymlink("a.yml", "real/a.yml");
  std::string error;
  EXPECT_FALSE(disk.ReplaceFile("a.yml", "a: 0\n", "b: 2\n", error));
  EXPECT_EQ(error, "it changed since it was read; run fix again");
  ASSERT_TRUE(disk.ReplaceFile("a.yml", "a: 1\n", "b: 2\n", error)) << error;
  EXPECT_EQ(disk.Text("real/a.yml"), "b: 2\n");
  EXPECT_EQ(disk.TypeOf("a.yml"), PathType::kFile);  // still a link to it
}

TEST(OverlayDiskTest, UnsavedTextsHideTheDiskBelowAndNothingIsWritten) {
  MemoryDisk below;
  below.AddFile("ws/application.yml", "kestra: {}\n");
  below.AddFile("ws/flow.yml", "id: f\n");
  OverlayDisk unsaved(below);
  unsaved.Set("ws/application.yml", "kestra:\n  url: x\n");
  unsaved.Set("untitled:Untitled-1", "a: 1\n");
  std::string text;
  ASSERT_EQ(unsaved.ReadFile("ws/application.yml", 100, text).status, FileRead::Status::kOk);
  EXPECT_EQ(text, "kestra:\n  url: x\n");
  ASSERT_EQ(unsaved.ReadFile("ws/flow.yml", 100, text).status, FileRead::Status::kOk);
  EXPECT_EQ(text, "id: f\n");
  EXPECT_EQ(unsaved.TypeOf("untitled:Untitled-1"), PathType::kFile);
  EXPECT_EQ(unsaved.ReadFile("ws/application.yml", 4, text).status, FileRead::Status::kTooLarge);
  EXPECT_EQ(Names(unsaved.ListDirectory("ws")),
            (std::vector<std::string>{"application.yml", "flow.yml"}));
  std::string error;
  EXPECT_FALSE(unsaved.ReplaceFile("ws/flow.yml", "id: f\n", "id: g\n", error));
  EXPECT_EQ(below.Text("ws/flow.yml"), "id: f\n");
  EXPECT_EQ(below.ReadsOf("ws/application.yml"), 0);
}

TEST(RealDiskTest, AFifoIsRefusedWithoutBlocking) {
  const TempDir dir;
  const std::string fifo = dir.path() + "/pipe.yml";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string text;
  EXPECT_EQ(RealDisk().ReadFile(fifo, 100, text).status, FileRead::Status::kNotRegular);
  EXPECT_EQ(RealDisk().TypeOf(fifo), PathType::kOther);
}

TEST(RealDiskTest, LinkLoopsAndUnreadableFilesAreRefusals) {
  const TempDir dir;
  const std::string loop = dir.path() + "/loop.yml";
  std::filesystem::create_symlink("loop.yml", loop);
  std::string text;
  const FileRead looped = RealDisk().ReadFile(loop, 100, text);
  EXPECT_EQ(looped.status, FileRead::Status::kCannotRead);
  EXPECT_EQ(looped.error, "Too many levels of symbolic links");
  const std::vector<DirectoryEntry> entries = RealDisk().ListDirectory(dir.path());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_TRUE(entries[0].symlink);
  EXPECT_EQ(entries[0].type, PathType::kMissing);
  if (geteuid() != 0) {  // root reads anything
    const std::string locked = dir.Write("locked.yml", "a: 1\n");
    chmod(locked.c_str(), 0);
    EXPECT_EQ(RealDisk().ReadFile(locked, 100, text).error, "Permission denied");
  }
}

TEST(RealDiskTest, ListsEntriesSortedByName) {
  const TempDir dir;
  dir.Write("b.yml", "");
  dir.Write("a/x.yml", "");
  dir.Write("C.yml", "");
  EXPECT_EQ(Names(RealDisk().ListDirectory(dir.path())),
            (std::vector<std::string>{"C.yml", "a", "b.yml"}));
}

TEST(RealDiskTest, ReplaceKeepsPermissionsAndRefusesAFileChangedUnderneath) {
  const TempDir dir;
  const std::string path = dir.Write("application.yml", "a: 1\n");
  chmod(path.c_str(), 0640);
  std::string error;
  EXPECT_FALSE(RealDisk().ReplaceFile(path, "a: 0\n", "b: 2\n", error));
  EXPECT_EQ(error, "it changed since it was read; run fix again");
  EXPECT_EQ(Read(path), "a: 1\n");
  ASSERT_TRUE(RealDisk().ReplaceFile(path, "a: 1\n", "b: 2\n", error)) << error;
  EXPECT_EQ(Read(path), "b: 2\n");
  struct stat status {};
  ASSERT_EQ(stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0640u);
  size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    entries += !entry.is_directory();
  EXPECT_EQ(entries, 1u);  // no temporary file left behind
}

TEST(RealDiskTest, ASymlinkStaysASymlinkAndHardLinksAreRefused) {
  const TempDir dir;
  const std::string target = dir.Write("real/application.yml", "a: 1\n");
  const std::string link = dir.path() + "/application.yml";
  std::filesystem::create_symlink("real/application.yml", link);
  std::string error;
  ASSERT_TRUE(RealDisk().ReplaceFile(link, "a: 1\n", "b: 2\n", error)) << error;
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(Read(target), "b: 2\n");
  const std::string second = dir.path() + "/second.yml";
  std::filesystem::create_hard_link(target, second);
  EXPECT_FALSE(RealDisk().ReplaceFile(second, "b: 2\n", "c: 3\n", error));
  EXPECT_EQ(error,
            "it has 2 hard links, which replacing it would break; apply the diff (--diff) by hand");
  EXPECT_EQ(Read(target), "b: 2\n");
}

// The tests run as root here and in CI: that is where a replacement would
// otherwise become root's file.
TEST(RealDiskTest, ReplaceKeepsOwnerGroupAndMode) {
  if (geteuid() != 0) GTEST_SKIP() << "only root can give a file to another user";
  const TempDir dir;
  const std::string path = dir.Write("application.yml", "a: 1\n");
  ASSERT_EQ(chown(path.c_str(), 65534, 65534), 0);  // nobody, nogroup
  ASSERT_EQ(chmod(path.c_str(), 0600), 0);
  std::string error;
  ASSERT_TRUE(RealDisk().ReplaceFile(path, "a: 1\n", "b: 2\n", error)) << error;
  EXPECT_EQ(Read(path), "b: 2\n");
  struct stat status {};
  ASSERT_EQ(stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_uid, 65534u);
  EXPECT_EQ(status.st_gid, 65534u);
  EXPECT_EQ(status.st_mode & 07777, 0600u);
}

// Root could write it; its mode says nobody should, so fix does not.
TEST(RealDiskTest, AReadOnlyFileIsRefusedForRootToo) {
  const TempDir dir;
  const std::string path = dir.Write("application.yml", "a: 1\n");
  ASSERT_EQ(chmod(path.c_str(), 0444), 0);
  EXPECT_EQ(RealDisk().WhyNotReplaceable(path),
            "it is read-only (mode 0444); fix leaves it as it is");
  std::string error;
  EXPECT_FALSE(RealDisk().ReplaceFile(path, "a: 1\n", "b: 2\n", error));
  EXPECT_EQ(error, "it is read-only (mode 0444); fix leaves it as it is");
  EXPECT_EQ(Read(path), "a: 1\n");
  struct stat status {};
  ASSERT_EQ(stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 07777, 0444u);
}

TEST(RealDiskTest, RealPathResolvesLinks) {
  const TempDir dir;
  const std::string target = dir.Write("real/application.yml", "a: 1\n");
  const std::string link = dir.path() + "/application.yml";
  std::filesystem::create_symlink("real/application.yml", link);
  EXPECT_EQ(RealDisk().RealPath(link), std::filesystem::canonical(target).string());
  EXPECT_EQ(RealDisk().RealPath(dir.path() + "/missing.yml"), "");
}

}  // namespace
}  // namespace kestra_lint
