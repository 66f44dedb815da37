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

  // The whole text; after RetainLinesAt, only the retained lines.
  const std::string& text() const { return text_; }
  int line_count() const { return line_count_; }

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

  // Keeps only the lines that hold one of `offsets` and drops the rest of
  // the text and the line table, so a scan's memory holds what findings can
  // point at rather than whole files. Afterwards PositionAt, Line and
  // Utf16Column stay exact on retained lines; elsewhere they fall back to
  // the nearest retained line before (or line 1).
  void RetainLinesAt(std::vector<size_t> offsets);

 private:
  struct RetainedLine {
    int number = 0;         // 1-based line in the original text
    size_t file_start = 0;  // offset of its first byte in the original text
    size_t text_start = 0;  // offset of its first byte in text_
    size_t size = 0;        // bytes, line break included
  };
  // The line holding `offset` (dense: the real one; sparse: the nearest
  // retained one), as its number, its start and its bytes from there on.
  void Locate(size_t offset, int& number, size_t& file_start, std::string_view& bytes) const;

  std::string text_;
  std::vector<size_t> line_starts_;  // empty once lines were dropped
  std::vector<RetainedLine> retained_;
  bool sparse_ = false;
  int line_count_ = 0;
  size_t file_size_ = 0;
};

// Number of code points in `bytes` (an invalid byte counts as one).
int CountCodePoints(std::string_view bytes);
// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);
// Offset of the first byte that is not part of well-formed UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view bytes);
// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view bytes);

}  // namespace kestra_lint
