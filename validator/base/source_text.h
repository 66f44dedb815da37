// A file's text with the line table that turns byte offsets into the
// positions editors show: 1-based lines and 1-based columns in characters.
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
  // The text of a 1-based line, without its line break.
  std::string_view Line(int line) const;
  // Byte offset where a 1-based line starts.
  size_t LineStart(int line) const;
  // Column in UTF-16 code units (LSP) of `offset`, 0-based.
  int Utf16Column(size_t offset) const;

 private:
  std::string text_;
  std::vector<size_t> line_starts_;
};

// Number of code points in `bytes` (an invalid byte counts as one).
// A line of a text: [begin, end) without its line break ("\n" or "\r\n").
struct LineRange {
  size_t begin = 0;
  size_t end = 0;
};

// Every line of `text`, the last one too when it is empty.
std::vector<LineRange> SplitLines(std::string_view text);

int CountCodePoints(std::string_view bytes);
// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);
// Offset of the first byte that is not part of well-formed UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view bytes);
// `text` with A-Z turned into a-z (keys, names and hosts are ASCII).
std::string AsciiLower(std::string_view text);
// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view bytes);

}  // namespace kestra_lint
