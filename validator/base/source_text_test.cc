#include "base/source_text.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

TEST(SourceTextTest, ColumnsCountCharactersNotBytes) {
  const SourceText text("a: b\nnamé: x\n");
  const Position position = text.PositionAt(text.text().find('x'));
  EXPECT_EQ(position.line, 2);
  EXPECT_EQ(position.column, 7);  // "namé: " is 6 characters but 7 bytes
}

TEST(SourceTextTest, LinesWithoutTheirBreaks) {
  const SourceText text("one\r\ntwo\nthree");
  EXPECT_EQ(text.line_count(), 3);
  EXPECT_EQ(text.Line(1), "one");
  EXPECT_EQ(text.Line(3), "three");
  EXPECT_EQ(text.PositionAt(text.text().find("two")).line, 2);
}

TEST(SourceTextTest, Utf16ColumnsCountSurrogatePairs) {
  const SourceText text("k: \xF0\x9F\x98\x80x\n");  // an emoji, then x
  EXPECT_EQ(text.Utf16Column(text.text().find('x')), 5);
  EXPECT_EQ(text.PositionAt(text.text().find('x')).column, 5);
}

TEST(SourceTextTest, FindsInvalidUtf8) {
  EXPECT_TRUE(IsValidUtf8("ok é"));
  EXPECT_EQ(FirstInvalidUtf8("ab\xC3(cd"), 2u);
  EXPECT_EQ(FirstInvalidUtf8("\xED\xA0\x80"), 0u);  // a surrogate is not UTF-8
  EXPECT_EQ(SanitizeUtf8("a\xFF"
                         "b"),
            "a\xEF\xBF\xBD"
            "b");
  // Valid text comes back as it is; after the first invalid byte, every one is replaced.
  EXPECT_EQ(SanitizeUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80"), "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(SanitizeUtf8("\xC3\xA9\xC3(\xFF\xC3\xA9"), "\xC3\xA9\xEF\xBF\xBD(\xEF\xBF\xBD\xC3\xA9");
}

}  // namespace
}  // namespace kestra_lint
