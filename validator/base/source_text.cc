#include "base/source_text.h"

#include <algorithm>

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

}  // namespace

SourceText::SourceText(std::string text) : text_(std::move(text)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n')) {
      line_starts_.push_back(i + 1);  // a lone CR ends a line, as YAML says
    }
  }
}

Position SourceText::PositionAt(size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line_index = static_cast<size_t>(next - line_starts_.begin()) - 1;
  const size_t start = line_starts_[line_index];
  const std::string_view before(text_.data() + start, offset - start);
  return Position{static_cast<int>(line_index) + 1, CountCodePoints(before) + 1};
}

size_t SourceText::OffsetOf(int line0, int byte_column0) const {
  if (line0 < 0) return 0;
  if (static_cast<size_t>(line0) >= line_starts_.size()) return text_.size();
  return std::min(text_.size(), line_starts_[line0] + std::max(0, byte_column0));
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
  const Position position = PositionAt(offset);
  const std::string_view line(text_.data() + line_starts_[position.line - 1],
                              offset - line_starts_[position.line - 1]);
  int units = 0;
  for (size_t i = 0; i < line.size();) {
    const size_t length = Utf8SequenceLength(line, i);
    units += length == 4 ? 2 : 1;
    i += length == 0 ? 1 : length;
  }
  return units;
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
  for (size_t i = 0; i < bytes.size();) {
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
