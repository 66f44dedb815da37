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

// A long line mixing ASCII, two-, three- and four-byte characters and
// invalid bytes: the marks inside it give the columns a count from the line's
// start gives, at every byte.
TEST(SourceTextTest, ColumnsOnALongLineAreExactAtEveryByte) {
  std::string line;
  for (int i = 0; line.size() < 3000; ++i) {
    line += i % 7 == 0    ? "\xF0\x9F\x98\x80"
            : i % 5 == 0  ? "\xC3\xA9"
            : i % 11 == 0 ? "\xE2\x82\xAC"
                          : "a";
    if (i % 97 == 0) line += "\xFF\xC3";
  }
  const std::string text = "first: line\n" + line + "\r\nlast\n";
  const SourceText source(text);
  const size_t start = text.find('\n') + 1;
  for (size_t offset = start; offset <= start + line.size(); ++offset) {
    const std::string_view before(text.data() + start, offset - start);
    const Position position = source.PositionAt(offset);
    ASSERT_EQ(position.line, 2) << offset;
    ASSERT_EQ(position.column, CountCodePoints(before) + 1) << offset;
    ASSERT_EQ(source.Utf16Column(offset),
              SourceText(std::string(before)).Utf16Column(before.size()))
        << offset;
  }
  // Back from a column to its byte, at every character of the line.
  for (int column = 1; column <= CountCodePoints(line) + 1; ++column) {
    const size_t offset = source.OffsetOfColumn(2, column);
    ASSERT_EQ(source.PositionAt(offset).column, column) << column;
  }
  EXPECT_EQ(source.OffsetOfColumn(2, 1 << 30), start + line.size());
  EXPECT_EQ(source.PositionAt(text.find("last")).column, 1);
  EXPECT_EQ(source.OffsetOfColumn(3, 3), text.find("st\n"));
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
