// The edits of two rounds read as one list on the first text: the diff and
// the positions of what fix did speak of the file as it was read.
#include "fix/edit_history.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::EditOf;

std::string Applied(const std::string& text, const std::vector<TextEdit>& edits) {
  std::string out;
  size_t at = 0;
  for (const TextEdit& edit : edits) {
    out += text.substr(at, edit.begin - at) + edit.replacement;
    at = edit.end;
  }
  return out + text.substr(at);
}

TEST(EditHistoryTest, TwoRoundsBecomeOneListOfEditsOnTheFirstText) {
  const std::string first = "a: 1\nb: 2\nc: 3\nd: 4\n";
  EditHistory history(first.size());
  const std::vector<TextEdit> round1 = {EditOf(5, 10, ""), EditOf(15, 15, "x: 9\n")};
  const std::string second = Applied(first, round1);
  ASSERT_EQ(second, "a: 1\nc: 3\nx: 9\nd: 4\n");
  history.Apply(round1);
  // Round two edits inside what round one inserted, and the first text.
  const std::vector<TextEdit> round2 = {EditOf(0, 5, ""), EditOf(13, 14, "8")};
  const std::string third = Applied(second, round2);
  ASSERT_EQ(third, "c: 3\nx: 8\nd: 4\n");
  history.Apply(round2);
  const std::vector<TextEdit> edits = history.Edits();
  EXPECT_EQ(Applied(first, edits), third);
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(edits[0].begin, 0u);
  EXPECT_EQ(edits[0].end, 10u);
  EXPECT_EQ(edits[1].begin, 15u);
  EXPECT_EQ(edits[1].end, 15u);
  EXPECT_EQ(edits[1].replacement, "x: 8\n");
  EXPECT_EQ(history.ToOriginal(0), 10u);   // "c" of the third text
  EXPECT_EQ(history.ToOriginal(6), 15u);   // inside the insertion: where it went
  EXPECT_EQ(history.ToOriginal(10), 15u);  // "d"
}

TEST(EditHistoryTest, NoRoundsMeansNoEdits) {
  EditHistory history(4);
  EXPECT_TRUE(history.Edits().empty());
  EXPECT_EQ(history.ToOriginal(2), 2u);
  history.Apply({EditOf(0, 4, "")});
  ASSERT_EQ(history.Edits().size(), 1u);
  EXPECT_EQ(history.Edits()[0].end, 4u);
}

}  // namespace
}  // namespace kestra_lint
