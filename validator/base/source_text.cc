#include "base/source_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace kestra_lint {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence at `i`, or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t length = 0;
  unsigned min = 0;
  unsigned code = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    length = 2;
    min = 0x80;
    code = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3;
    min = 0x800;
    code = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4;
    min = 0x10000;
    code = c & 0x07;
  } else
    return 0;
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    const unsigned char next = static_cast<unsigned char>(s[i + k]);
    if (!IsContinuation(next)) return 0;
    code = (code << 6) | (next & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

// The end of the run of ASCII bytes from `i` (at most `end`), many bytes at
// a time: nearly every text is ASCII, and walking it code point by code point
// was a quarter of a big tree's scan.
size_t AsciiRunEnd(std::string_view s, size_t i, size_t end) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (i + 32 <= end) {
    uint64_t words[4];
    std::memcpy(words, s.data() + i, sizeof words);
    if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) != 0) break;
    i += 32;
  }
  while (i + 8 <= end) {
    uint64_t word = 0;
    std::memcpy(&word, s.data() + i, sizeof word);
    if ((word & kHighBits) != 0) break;
    i += 8;
  }
  while (i < end && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Long lines get a column mark every this many bytes.
constexpr size_t kMarkSpacing = 256;

// Index of the line holding `offset`, given the lines' starts.
size_t LineIndexOf(const std::vector<size_t>& line_starts, size_t offset) {
  const auto next = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<size_t>(next - line_starts.begin()) - 1;
}

int CountUtf16Units(std::string_view bytes) {
  int units = 0;
  for (size_t i = 0; i < bytes.size();) {
    const size_t length = Utf8SequenceLength(bytes, i);
    units += length == 4 ? 2 : 1;
    i += length == 0 ? 1 : length;
  }
  return units;
}

}  // namespace

SourceText::SourceText(std::string text) : text_(std::move(text)) {
  line_starts_.push_back(0);
  const char* const data = text_.data();
  const size_t size = text_.size();
  if (std::memchr(data, '\r', size) == nullptr) {
    // No CR, the common case: memchr finds the line breaks many bytes at a time.
    for (const char* at = data;
         (at = static_cast<const char*>(std::memchr(at, '\n', size - (at - data)))) != nullptr;
         ++at) {
      line_starts_.push_back(static_cast<size_t>(at - data) + 1);
    }
  } else {
    for (size_t i = 0; i < size; ++i) {
      if (data[i] == '\n') {
        line_starts_.push_back(i + 1);
      } else if (data[i] == '\r' && (i + 1 >= size || data[i + 1] != '\n')) {
        line_starts_.push_back(i + 1);  // a lone CR ends a line, as YAML says
      }
    }
  }
  for (size_t line = 0; line < line_starts_.size(); ++line) {
    const size_t begin = line_starts_[line];
    const size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : text_.size();
    if (end - begin > kMarkSpacing) MarkColumns(begin, end);
  }
}

// Marks are placed where a walk from the line's start lands, so counting on
// from a mark gives the same columns as counting from the start, invalid
// bytes included.
void SourceText::MarkColumns(size_t begin, size_t end) {
  const std::string_view line(text_.data(), end);
  ColumnMark at{begin, 0, 0};
  size_t next_mark = begin + kMarkSpacing;
  while (at.offset < end) {
    if (at.offset >= next_mark) {
      marks_.push_back(at);
      next_mark = at.offset + kMarkSpacing;
    }
    const size_t ascii_end = AsciiRunEnd(line, at.offset, std::min(next_mark, end));
    if (ascii_end > at.offset) {
      const int run = static_cast<int>(ascii_end - at.offset);
      at.offset = ascii_end;
      at.column += run;
      at.utf16_column += run;
      continue;
    }
    const size_t length = Utf8SequenceLength(line, at.offset);
    at.offset += length == 0 ? 1 : length;
    at.column += 1;
    at.utf16_column += length == 4 ? 2 : 1;
  }
}

SourceText::ColumnMark SourceText::MarkBefore(size_t line_start, size_t offset) const {
  const auto after =
      std::upper_bound(marks_.begin(), marks_.end(), offset,
                       [](size_t at, const ColumnMark& mark) { return at < mark.offset; });
  if (after != marks_.begin() && std::prev(after)->offset >= line_start) return *std::prev(after);
  return ColumnMark{line_start, 0, 0};
}

Position SourceText::PositionAt(size_t offset) const {
  offset = std::min(offset, text_.size());
  const size_t line_index = LineIndexOf(line_starts_, offset);
  const ColumnMark mark = MarkBefore(line_starts_[line_index], offset);
  const std::string_view rest(text_.data() + mark.offset, offset - mark.offset);
  return Position{static_cast<int>(line_index) + 1, mark.column + CountCodePoints(rest) + 1};
}

size_t SourceText::OffsetOf(int line0, int byte_column0) const {
  if (line0 < 0) return 0;
  if (static_cast<size_t>(line0) >= line_starts_.size()) return text_.size();
  return std::min(text_.size(), line_starts_[line0] + std::max(0, byte_column0));
}

size_t SourceText::OffsetOfColumn(int line, int column) const {
  const size_t start = LineStart(line);
  const size_t end = start + Line(line).size();
  const auto by_offset = [](const ColumnMark& mark, size_t at) { return mark.offset < at; };
  const auto first = std::lower_bound(marks_.begin(), marks_.end(), start, by_offset);
  const auto last = std::lower_bound(first, marks_.end(), end, by_offset);
  const auto after =
      std::upper_bound(first, last, column - 1,
                       [](int wanted, const ColumnMark& mark) { return wanted < mark.column; });
  const ColumnMark mark = after == first ? ColumnMark{start, 0, 0} : *std::prev(after);
  const std::string_view line_text(text_.data(), end);
  size_t offset = mark.offset;
  for (int seen = mark.column; seen < column - 1 && offset < end; ++seen) {
    const size_t length = Utf8SequenceLength(line_text, offset);
    offset += length == 0 ? 1 : length;
  }
  return offset;
}

size_t SourceText::LineStart(int line) const { return OffsetOf(line - 1, 0); }

std::string_view SourceText::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  const size_t start = line_starts_[line - 1];
  size_t end = static_cast<size_t>(line) < line_starts_.size() ? line_starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(start, end - start);
}

int SourceText::Utf16Column(size_t offset) const {
  offset = std::min(offset, text_.size());
  const ColumnMark mark = MarkBefore(line_starts_[LineIndexOf(line_starts_, offset)], offset);
  return mark.utf16_column +
         CountUtf16Units(std::string_view(text_.data() + mark.offset, offset - mark.offset));
}

int CountCodePoints(std::string_view bytes) {
  int count = 0;
  for (size_t i = 0; i < bytes.size();) {
    const size_t length = Utf8SequenceLength(bytes, i);
    i += length == 0 ? 1 : length;
    ++count;
  }
  return count;
}

size_t FirstInvalidUtf8(std::string_view bytes) {
  size_t i = 0;
  while ((i = AsciiRunEnd(bytes, i, bytes.size())) < bytes.size()) {
    const size_t length = Utf8SequenceLength(bytes, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view bytes) {
  return FirstInvalidUtf8(bytes) == std::string_view::npos;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string SanitizeUtf8(std::string_view bytes) {
  // Nearly every text is valid: copied at once, not code point by code point.
  const size_t first_invalid = FirstInvalidUtf8(bytes);
  if (first_invalid == std::string_view::npos) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  out.append(bytes.substr(0, first_invalid));
  for (size_t i = first_invalid; i < bytes.size();) {
    const size_t length = Utf8SequenceLength(bytes, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(bytes.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::vector<LineRange> SplitLines(std::string_view text) {
  std::vector<LineRange> lines;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    size_t content_end = end;
    if (content_end > at && text[content_end - 1] == '\r') --content_end;
    lines.push_back({at, content_end});
    if (end == text.size()) break;
    at = end + 1;
  }
  return lines;
}

}  // namespace kestra_lint
