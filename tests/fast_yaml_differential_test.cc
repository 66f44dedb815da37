// The fast YAML loader against yaml-cpp on every YAML file at hand: the
// project's examples and tests, the shared corpus of real public Kestra files
// (../shared/corpus, not part of the repository, read in place) and any
// folders in KESTRA_LINT_DIFF_DIRS (colon-separated, e.g. a bench corpus).
// Every file the fast loader accepts must load exactly as with yaml-cpp, and
// most files must take the fast path.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"
#include "yaml/fast_yaml.h"
#include "yaml/yaml_tree.h"
#include "yaml_differential.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

bool IsYamlFile(const fs::path& path) {
  return path.extension() == ".yml" || path.extension() == ".yaml";
}

std::vector<std::string> YamlFilesUnder(const std::string& root) {
  std::vector<std::string> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(root, error), end; it != end; it.increment(error)) {
    if (error) break;
    if (it->is_regular_file(error) && IsYamlFile(it->path())) files.push_back(it->path());
  }
  return files;
}

struct Tally {
  int files = 0;
  int fast = 0;
};

Tally CompareEveryFile(const std::vector<std::string>& roots) {
  Tally tally;
  for (const std::string& root : roots) {
    for (const std::string& path : YamlFilesUnder(root)) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      ++tally.files;
      const std::optional<YamlParseResult> fast = ParseYamlFast(text.str());
      if (!fast) continue;
      ++tally.fast;
      EXPECT_EQ(testing::FirstDifference(*fast, ParseYamlWithYamlCpp(text.str())), "") << path;
    }
  }
  return tally;
}

TEST(FastYamlDifferentialTest, ProjectFilesLoadAsWithYamlCpp) {
  const Tally tally =
      CompareEveryFile({testing::SourceDir() + "/examples", testing::SourceDir() + "/tests"});
  std::cout << "fast path: " << tally.fast << " of " << tally.files << " files\n";
  EXPECT_GT(tally.files, 50);
  EXPECT_GT(tally.fast * 2, tally.files);
}

TEST(FastYamlDifferentialTest, RealAndBenchFilesLoadAsWithYamlCpp) {
  std::vector<std::string> roots;
  const std::string shared = testing::SourceDir() + "/../shared/corpus";
  if (fs::exists(shared)) roots.push_back(shared);
  if (const char* extra = std::getenv("KESTRA_LINT_DIFF_DIRS")) {
    std::istringstream list(extra);
    for (std::string dir; std::getline(list, dir, ':');) {
      if (!dir.empty()) roots.push_back(dir);
    }
  }
  if (roots.empty()) GTEST_SKIP() << "no corpus at " << shared << " and no KESTRA_LINT_DIFF_DIRS";
  const Tally tally = CompareEveryFile(roots);
  std::cout << "fast path: " << tally.fast << " of " << tally.files << " files\n";
  EXPECT_GT(tally.fast * 2, tally.files);
}

}  // namespace
}  // namespace kestra_lint
