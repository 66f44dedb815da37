#include "lsp/lsp_positions.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

// "é" is 2 bytes and 1 UTF-16 unit, "€" 3 bytes and 1 unit, "😀" 4 bytes and
// 2 units (a surrogate pair).
const std::string kMixed = "a: \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 x\nb: 1\r\nc: 2\n";

TEST(LspPositions, Utf16CharactersCountSurrogatePairsTwice) {
  const SourceText source(kMixed);
  const size_t x = kMixed.find('x');
  const LspPosition position = LspPositionAt(source, x);
  EXPECT_EQ(position.line, 0);
  EXPECT_EQ(position.character, 3 + 1 + 1 + 2 + 1);
  EXPECT_EQ(OffsetOfLspPosition(source, position), x);
}

TEST(LspPositions, OffsetsOfLaterLinesAfterCrLf) {
  const SourceText source(kMixed);
  EXPECT_EQ(OffsetOfLspPosition(source, {2, 0}), kMixed.find("c:"));
  EXPECT_EQ(LspPositionAt(source, kMixed.find("c:")).line, 2);
}

TEST(LspPositions, CharacterInsideASurrogatePairOrPastTheEndClamps) {
  const SourceText source(kMixed);
  const size_t emoji = kMixed.find("\xF0\x9F\x98\x80");
  EXPECT_EQ(OffsetOfLspPosition(source, {0, 6}), emoji);  // between the two halves
  EXPECT_EQ(OffsetOfLspPosition(source, {1, 99}), kMixed.find("\r\n"));
  EXPECT_EQ(OffsetOfLspPosition(source, {9, 0}), kMixed.size());
}

TEST(LspPositions, FindingRangeConvertsCodePointColumnsToUtf16) {
  // The URI starts after "note: é😀 " on the same line: 9 code points, 10
  // UTF-16 units.
  const std::string text = "note: \xC3\xA9\xF0\x9F\x98\x80 http://kestra/api/v1/flows\n";
  const SourceText source(text);
  Finding finding;
  const Position begin = source.PositionAt(text.find("http"));
  const Position end = source.PositionAt(text.find('\n'));
  finding.line = begin.line;
  finding.column = begin.column;
  finding.end_line = end.line;
  finding.end_column = end.column;
  EXPECT_EQ(finding.column, 10);  // 1-based, in code points
  const LspRange range = FindingRange(source, finding);
  EXPECT_EQ(range.start.line, 0);
  EXPECT_EQ(range.start.character, 10);  // UTF-16: the emoji counts 2, é 1
  EXPECT_EQ(range.end.character, 10 + 26);
}

TEST(LspPositions, EditRangeUsesByteOffsets) {
  const SourceText source(kMixed);
  TextEdit edit;
  edit.begin = kMixed.find('x');
  edit.end = edit.begin + 1;
  const LspRange range = EditRange(source, edit);
  EXPECT_EQ(range.start.character, 8);
  EXPECT_EQ(range.end.character, 9);
}

TEST(LspPositions, IncrementalChangesApplyInOrder) {
  std::string text = "kestra:\n  url: \xF0\x9F\x98\x80 old\n";
  // Replace "old" (after the emoji: character 10..13 on line 1) with "new".
  ApplyContentChange(
      text,
      {{"range",
        {{"start", {{"line", 1}, {"character", 10}}}, {"end", {{"line", 1}, {"character", 13}}}}},
       {"text", "new"}});
  EXPECT_EQ(text, "kestra:\n  url: \xF0\x9F\x98\x80 new\n");
  ApplyContentChange(
      text,
      {{"range",
        {{"start", {{"line", 2}, {"character", 0}}}, {"end", {{"line", 2}, {"character", 0}}}}},
       {"text", "x: 1\n"}});
  EXPECT_EQ(text, "kestra:\n  url: \xF0\x9F\x98\x80 new\nx: 1\n");
  ApplyContentChange(text, {{"text", "whole"}});
  EXPECT_EQ(text, "whole");
}

TEST(LspPositions, RangesFromJsonRejectWrongTypes) {
  EXPECT_THROW(LspRangeFromJson({{"start", 1}}), nlohmann::json::exception);
  EXPECT_THROW(LspPositionFromJson({{"line", "1"}, {"character", 0}}), nlohmann::json::exception);
}

TEST(LspPositions, SharesLine) {
  EXPECT_TRUE(SharesLine({{3, 6}, {3, 13}}, {{3, 0}, {3, 0}}));
  EXPECT_FALSE(SharesLine({{3, 6}, {3, 13}}, {{4, 0}, {4, 2}}));
  EXPECT_TRUE(Contains({{3, 6}, {3, 13}}, {3, 13}));
  EXPECT_FALSE(Contains({{3, 6}, {3, 13}}, {3, 14}));
}

}  // namespace
}  // namespace kestra_lint
