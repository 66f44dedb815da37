// A file's text with the line table that turns byte offsets into the
// positions editors show: 1-based lines and 1-based columns in characters.
// Long lines carry a column mark every 256 bytes, so placing a finding counts
// at most that many bytes, not the line from its start: 30,000 findings on a
// line of a megabyte stay linear.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kestra_lint {

struct Position {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in Unicode code points
};

class SourceText {
 public:
  SourceText() : SourceText(std::string()) {}
  explicit SourceText(std::string text);

  const std::string& text() const { return text_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  // Position of the byte at `offset` (clamped to the text).
  Position PositionAt(size_t offset) const;
  // Byte offset of a 0-based line and 0-based byte column, clamped.
  size_t OffsetOf(int line0, int byte_column0) const;
  // Byte offset of a 1-based line and 1-based column in code points, the
  // inverse of PositionAt, clamped to the line's text (without its break).
  size_t OffsetOfColumn(int line, int column) const;
  // The text of a 1-based line, without its line break.
  std::string_view Line(int line) const;
  // Byte offset where a 1-based line starts.
  size_t LineStart(int line) const;
  // Column in UTF-16 code units (LSP) of `offset`, 0-based.
  int Utf16Column(size_t offset) const;

 private:
  // Where counting may start inside a long line: a byte offset on a character
  // boundary, with the 0-based code point and UTF-16 columns of that byte.
  struct ColumnMark {
    size_t offset = 0;
    int column = 0;
    int utf16_column = 0;
  };
  void MarkColumns(size_t begin, size_t end);
  // The last mark at or before `offset` on the line starting at `line_start`,
  // or the line's start.
  ColumnMark MarkBefore(size_t line_start, size_t offset) const;

  std::string text_;
  std::vector<size_t> line_starts_;
  std::vector<ColumnMark> marks_;  // sorted by offset
};

// A line of a text: [begin, end) without its line break ("\n" or "\r\n").
struct LineRange {
  size_t begin = 0;
  size_t end = 0;
};

// Every line of `text`, the last one too when it is empty.
std::vector<LineRange> SplitLines(std::string_view text);

// Number of code points in `bytes` (an invalid byte counts as one).
int CountCodePoints(std::string_view bytes);
// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);
// Offset of the first byte that is not part of well-formed UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view bytes);
// `text` with A-Z turned into a-z (keys, names and hosts are ASCII).
std::string AsciiLower(std::string_view text);
// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view bytes);
// A blank inside a line (YAML's s-white, a shell's word separator).
inline bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

}  // namespace kestra_lint
