#include "extract/compose_interpolation.h"

#include <gtest/gtest.h>

#include <map>

namespace kestra_lint {
namespace {

Interpolated With(const std::string& text, const std::map<std::string, std::string>& set) {
  return InterpolateCompose(text, [&](const std::string& name) -> std::optional<std::string> {
    const auto found = set.find(name);
    if (found == set.end()) return std::nullopt;
    return found->second;
  });
}

TEST(ComposeInterpolationTest, ValuesDefaultsAndEscapesAsComposeReadsThem) {
  const std::map<std::string, std::string> env = {
      {"REPO", "kestra/kestra-ee"}, {"TAG", "0.22.1"}, {"EMPTY", ""}};
  EXPECT_EQ(With("${REPO}:$TAG", env).text, "kestra/kestra-ee:0.22.1");
  EXPECT_EQ(With("${REPO}:$TAG", env).variables_used, (std::vector<std::string>{"REPO", "TAG"}));
  EXPECT_EQ(With("kestra/kestra:${VERSION:-0.22.6}", env).text, "kestra/kestra:0.22.6");
  EXPECT_EQ(With("kestra/kestra:${TAG:-0.22.6}", env).text, "kestra/kestra:0.22.1");
  // `:-` replaces an empty value, `-` only an unset one.
  EXPECT_EQ(With("a${EMPTY:-x}b", env).text, "axb");
  EXPECT_EQ(With("a${EMPTY-x}b", env).text, "ab");
  EXPECT_EQ(With("${UNSET:-${REPO}}", env).text, "kestra/kestra-ee");
  EXPECT_EQ(With("${TAG:+v$TAG}", env).text, "v0.22.1");
  EXPECT_EQ(With("$$HOME", env).text, "$HOME");
  EXPECT_FALSE(With("$$HOME", env).unresolved);
}

TEST(ComposeInterpolationTest, AnUnsetVariableWithoutDefaultLeavesTheTextUnresolved) {
  EXPECT_TRUE(With("${REPO}:latest", {}).unresolved);
  EXPECT_TRUE(With("kestra/kestra:${TAG:?set TAG}", {}).unresolved);
  EXPECT_TRUE(With("kestra/kestra:${TAG", {}).unresolved);
  EXPECT_FALSE(With("kestra/kestra:${TAG:-latest}", {}).unresolved);
}

}  // namespace
}  // namespace kestra_lint
