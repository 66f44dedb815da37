// `kestra-lint fix` turns the before/ of every example that holds a `command`
// (examples/fix/<case>/ and the example setups whose changes are all certain)
// into its after/ byte for byte, and a second run changes nothing; the
// look-alikes of examples/not-kestra stay as they are.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;
using testing::SourceDir;
using testing::TempDir;

std::map<std::string, std::string> ReadTree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[entry.path().lexically_relative(root).generic_string()] = bytes.str();
  }
  return files;
}

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
  std::vector<fs::directory_entry> folders;
  for (const char* parent : {"examples", "examples/fix"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(SourceDir()) / parent)) {
      if (entry.is_directory() && fs::exists(entry.path() / "command")) folders.push_back(entry);
    }
  }
  size_t cases = 0;
  for (const auto& entry : folders) {
    ++cases;
    SCOPED_TRACE(entry.path().filename().string());
    const TempDir dir;
    fs::copy(entry.path() / "before", dir.path(), fs::copy_options::recursive);
    const std::string arguments = Arguments(entry.path() / "command", dir.path());
    const auto first = RunBinary(arguments);
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(ReadTree(dir.path()), ReadTree(entry.path() / "after"));
    const auto second = RunBinary(arguments);
    EXPECT_NE(second.err.find("fixed 0 findings in 0 files"), std::string::npos) << second.err;
    EXPECT_EQ(ReadTree(dir.path()), ReadTree(entry.path() / "after"));
  }
  EXPECT_GE(cases, 19u);
}

// Look-alike files of other software get no fix, whatever edition and tenant are given.
TEST(FixExamplesTest, NotKestraIsLeftByteForByte) {
  const fs::path example = fs::path(SourceDir()) / "examples/not-kestra";
  const TempDir dir;
  fs::copy(example, dir.path(), fs::copy_options::recursive);
  const auto run = RunBinary("fix --edition ee --tenant acme " + dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("fixed 0 findings in 0 files"), std::string::npos) << run.err;
  EXPECT_EQ(ReadTree(dir.path()), ReadTree(example));
}

}  // namespace
}  // namespace kestra_lint
