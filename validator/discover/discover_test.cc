// Discovery and reading over an in-memory disk: the walk's order and skips,
// and the problems reading turns refusals into.
#include "discover/discover.h"

#include <gtest/gtest.h>

#include "base/memory_disk.h"
#include "discover/file_reader.h"

namespace kestra_lint {
namespace {

std::vector<std::string> Paths(const DiscoverResult& result) {
  std::vector<std::string> paths;
  for (const DiscoveredFile& file : result.files) paths.push_back(file.path);
  return paths;
}

TEST(DiscoverTest, WalksInNameOrderSkippingVcsDependenciesAndLinkedFolders) {
  MemoryDisk disk;
  disk.AddFile("ws/b/values.yaml", "");
  disk.AddFile("ws/a.yml", "");
  disk.AddFile("ws/.git/config.yml", "");
  disk.AddFile("ws/node_modules/x/app.yml", "");
  disk.AddFile("ws/build-release/app.yml", "");
  disk.AddFile("ws/README.md", "");
  disk.AddFile("ws/.kestra-lint.yaml", "");
  disk.AddFile("ws/main.tf", "");
  disk.AddFile("ws/.env.local", "");
  disk.AddSymlink("ws/again", "ws");
  disk.AddSymlink("ws/linked.yml", "ws/a.yml");
  disk.AddFifo("ws/pipe.yaml");
  const DiscoverResult result = Discover({"ws/", "ws/a.yml", "missing"}, disk);
  EXPECT_EQ(Paths(result), (std::vector<std::string>{"ws/.env.local", "ws/README.md", "ws/a.yml",
                                                     "ws/b/values.yaml", "ws/linked.yml",
                                                     "ws/main.tf", "ws/pipe.yaml"}));
  EXPECT_FALSE(result.files[2].explicit_path);  // found by the walk first
  EXPECT_EQ(result.errors, (std::vector<std::string>{"missing: no such file or directory"}));
}

std::string ReadProblem(const MemoryDisk& disk, const std::string& path, uint64_t max_size) {
  ScannedFile file;
  EXPECT_FALSE(ReadFileForScan(disk, path, max_size, file));
  return file.problems.empty() ? "" : file.problems.front().message;
}

TEST(FileReaderTest, RefusalsBecomeProblems) {
  MemoryDisk disk;
  disk.AddFile("big.yml", std::string(2048, 'a'));
  disk.AddFifo("pipe.yml");
  disk.AddDirectory("folder.yml");
  disk.AddSymlink("loop.yml", "loop.yml");
  EXPECT_EQ(ReadProblem(disk, "big.yml", 1024),
            "the file is 2048 bytes, over the 1024 bytes limit (--max-file-size); not checked");
  EXPECT_EQ(ReadProblem(disk, "pipe.yml", 1024),
            "not a regular file (FIFO, socket or device); not read");
  EXPECT_EQ(ReadProblem(disk, "folder.yml", 1024), "is a directory, not a file");
  EXPECT_EQ(ReadProblem(disk, "loop.yml", 1024),
            "cannot read the file: Too many levels of symbolic links");
  EXPECT_EQ(ReadProblem(disk, "gone.yml", 1024), "cannot read the file: No such file or directory");
}

TEST(FileReaderTest, ReadsTextAndFlagsBadEncodings) {
  MemoryDisk disk;
  disk.AddFile("ok.yml", "a: 1\n");
  disk.AddFile("utf16.yml", std::string("\xFF\xFE"
                                        "a\0",
                                        4));
  ScannedFile ok;
  EXPECT_TRUE(ReadFileForScan(disk, "ok.yml", 1024, ok));
  EXPECT_EQ(ok.source.text(), "a: 1\n");
  EXPECT_TRUE(ok.problems.empty());
  ScannedFile utf16;
  EXPECT_FALSE(ReadFileForScan(disk, "utf16.yml", 1024, utf16));
  ASSERT_EQ(utf16.problems.size(), 1u);
  EXPECT_NE(utf16.problems[0].message.find("UTF-16"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
