#include "facts/chart_versions.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "base/embedded_files.h"

namespace kestra_lint {
namespace {

TEST(ChartVersionsTest, EveryRowOfTheTableParsesInChartOrder) {
  const EmbeddedFile* file = FindEmbeddedFile("rules/charts/kestra.tsv");
  ASSERT_NE(file, nullptr);
  std::istringstream rows{std::string(file->bytes)};
  std::string row;
  ASSERT_TRUE(std::getline(rows, row));
  EXPECT_EQ(row, "chart\tkestra\tcommit");
  std::optional<Version> previous;
  size_t count = 0;
  while (std::getline(rows, row)) {
    SCOPED_TRACE(row);
    std::istringstream fields(row);
    std::string chart, kestra, commit, extra;
    ASSERT_TRUE(fields >> chart >> kestra >> commit);
    EXPECT_FALSE(fields >> extra);
    const std::optional<Version> chart_version = Version::Parse(chart);
    ASSERT_TRUE(chart_version.has_value());
    ASSERT_TRUE(Version::Parse(kestra).has_value());
    EXPECT_EQ(commit.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(commit.size(), 40u);
    if (previous) {
      EXPECT_TRUE(*previous < *chart_version);
    }
    previous = chart_version;
    EXPECT_EQ(KestraVersionOfChart(*chart_version), Version::Parse(kestra));
    ++count;
  }
  EXPECT_GT(count, 100u);
}

TEST(ChartVersionsTest, ChartsOneZeroShipKestraOneOneToOneThree) {
  EXPECT_EQ(KestraVersionOfChart({0, 22, 10}), (Version{0, 22, 10}));
  EXPECT_EQ(KestraVersionOfChart({1, 0, 0}), (Version{1, 0, 0}));
  EXPECT_EQ(KestraVersionOfChart({1, 0, 28}), (Version{1, 2, 0}));
  EXPECT_EQ(KestraVersionOfChart({1, 0, 54}), (Version{1, 3, 15}));
  EXPECT_FALSE(KestraVersionOfChart({9, 9, 9}).has_value());
}

TEST(ChartVersionsTest, TheChartToDeployALineWithIsItsNewest) {
  EXPECT_EQ(NewestChartOf({1, 3, 0}), (Version{1, 0, 54}));
  EXPECT_EQ(NewestChartOf({1, 0, 0}), (Version{1, 0, 10}));
  EXPECT_FALSE(NewestChartOf({2, 0, 0}).has_value());
}

}  // namespace
}  // namespace kestra_lint
