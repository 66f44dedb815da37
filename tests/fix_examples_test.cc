// `kestra-lint fix` turns the before/ of every example that holds a `command`
// (examples/fix/<case>/ and the example setups whose changes are all certain)
// into its after/ byte for byte, and a second run changes nothing; the
// look-alikes of examples/not-kestra stay as they are.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;
using testing::ExampleFolders;
using testing::ReadTree;
using testing::RunBinary;
using testing::SourceDir;
using testing::TempDir;

// The arguments of the case's `command` file, with its trailing "." made `folder`.
std::string Arguments(const fs::path& command_file, const std::string& folder) {
  std::ifstream in(command_file);
  std::string line;
  std::getline(in, line);
  const std::string prefix = "kestra-lint ";
  EXPECT_EQ(line.rfind(prefix, 0), 0u) << command_file;
  std::string arguments = line.substr(prefix.size());
  EXPECT_EQ(arguments.substr(arguments.size() - 2), " .") << command_file;
  return arguments.substr(0, arguments.size() - 1) + folder;
}

TEST(FixExamplesTest, EveryBeforeBecomesItsAfterByteForByte) {
  size_t cases = 0;
  for (const std::string& folder : ExampleFolders()) {
    const fs::path example(folder);
    if (!fs::exists(example / "command")) continue;
    ++cases;
    SCOPED_TRACE(example.filename().string());
    const TempDir dir;
    dir.CopyIn(example / "before");
    const std::string arguments = Arguments(example / "command", dir.path());
    const auto first = RunBinary(arguments);
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(ReadTree(dir.path()), ReadTree(example / "after"));
    const auto second = RunBinary(arguments);
    EXPECT_NE(second.err.find("fixed 0 findings in 0 files"), std::string::npos) << second.err;
    EXPECT_EQ(ReadTree(dir.path()), ReadTree(example / "after"));
  }
  EXPECT_GE(cases, 19u);
}

// Look-alike files of other software get no fix, whatever edition and tenant are given.
TEST(FixExamplesTest, NotKestraIsLeftByteForByte) {
  const fs::path example = fs::path(SourceDir()) / "examples/not-kestra";
  const TempDir dir;
  dir.CopyIn(example);
  const auto run = RunBinary("fix --edition ee --tenant acme " + dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("fixed 0 findings in 0 files"), std::string::npos) << run.err;
  EXPECT_EQ(ReadTree(dir.path()), ReadTree(example));
}

}  // namespace
}  // namespace kestra_lint
