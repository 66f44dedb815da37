#include "base/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace kestra_lint {
namespace {

constexpr size_t kNone = std::string_view::npos;

TEST(JsonDepthTest, CountsBracketsOutsideStringsOnly) {
  EXPECT_EQ(FirstOpeningDeeperThan(R"({"a":[{"b":"[[[[[[\"[["}]})", 3), kNone);
  const std::string four = R"({"a":[{"b":[]}]})";
  EXPECT_EQ(FirstOpeningDeeperThan(four, 3), four.find("[]"));
  EXPECT_EQ(FirstOpeningDeeperThan(four, 4), kNone);
}

// The opening that passes the limit, not the limit-th opening of the text:
// closed brackets before it no longer count.
TEST(JsonDepthTest, PointsAtTheOpeningThatGoesTooDeep) {
  const std::string text = R"([[], [], {"x": [[1]]}])";
  EXPECT_EQ(FirstOpeningDeeperThan(text, 3), text.find("[1"));
  EXPECT_EQ(FirstOpeningDeeperThan(text, 2), text.find("[[1"));
  EXPECT_EQ(FirstOpeningDeeperThan("", 0), kNone);
  EXPECT_EQ(FirstOpeningDeeperThan("1", 0), kNone);
  EXPECT_EQ(FirstOpeningDeeperThan("{}", 0), 0u);
}

TEST(JsonDepthTest, AMillionLevelsIsOneLinearScan) {
  const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  EXPECT_EQ(FirstOpeningDeeperThan(deep, 128), 128u);
  // Stray closings do not make room for deeper nesting.
  EXPECT_EQ(FirstOpeningDeeperThan("]]]][[", 1), 5u);
}

}  // namespace
}  // namespace kestra_lint
