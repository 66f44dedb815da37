#include "source_text.h"

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
  if ((c & 0xE0) == 0xC0) { length = 2; min = 0x80; code = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { length = 3; min = 0x800; code = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { length = 4; min = 0x10000; code = c & 0x07; }
  else return 0;
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
  line_count_ = static_cast<int>(line_starts_.size());
  file_size_ = text_.size();
}

void SourceText::Locate(size_t offset, int& number, size_t& file_start,
                        std::string_view& bytes) const {
  offset = std::min(offset, file_size_);
  if (!sparse_) {
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const size_t index = static_cast<size_t>(next - line_starts_.begin()) - 1;
    number = static_cast<int>(index) + 1;
    file_start = line_starts_[index];
    bytes = std::string_view(text_).substr(file_start);
    return;
  }
  const auto next =
      std::upper_bound(retained_.begin(), retained_.end(), offset,
                       [](size_t at, const RetainedLine& line) { return at < line.file_start; });
  if (next == retained_.begin()) {
    number = 1;
    file_start = offset;
    bytes = {};
    return;
  }
  const RetainedLine& line = *(next - 1);
  number = line.number;
  file_start = line.file_start;
  bytes = std::string_view(text_).substr(line.text_start, line.size);
}

Position SourceText::PositionAt(size_t offset) const {
  offset = std::min(offset, file_size_);
  int number = 1;
  size_t start = 0;
  std::string_view bytes;
  Locate(offset, number, start, bytes);
  return Position{number, CountCodePoints(bytes.substr(0, offset - start)) + 1};
}

size_t SourceText::OffsetOf(int line0, int byte_column0) const {
  if (line0 < 0) return 0;
  if (sparse_) {
    const auto line = std::lower_bound(
        retained_.begin(), retained_.end(), line0 + 1,
        [](const RetainedLine& retained, int number) { return retained.number < number; });
    if (line == retained_.end() || line->number != line0 + 1) return file_size_;
    return line->file_start + std::min<size_t>(line->size, std::max(0, byte_column0));
  }
  if (static_cast<size_t>(line0) >= line_starts_.size()) return text_.size();
  return std::min(text_.size(), line_starts_[line0] + std::max(0, byte_column0));
}

size_t SourceText::LineStart(int line) const { return OffsetOf(line - 1, 0); }

std::string_view SourceText::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::string_view bytes;
  if (sparse_) {
    const auto retained = std::lower_bound(
        retained_.begin(), retained_.end(), line,
        [](const RetainedLine& entry, int number) { return entry.number < number; });
    if (retained == retained_.end() || retained->number != line) return {};
    bytes = std::string_view(text_).substr(retained->text_start, retained->size);
  } else {
    const size_t start = line_starts_[line - 1];
    const size_t end =
        static_cast<size_t>(line) < line_starts_.size() ? line_starts_[line] : text_.size();
    bytes = std::string_view(text_).substr(start, end - start);
  }
  while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r')) {
    bytes.remove_suffix(1);
  }
  return bytes;
}

int SourceText::Utf16Column(size_t offset) const {
  offset = std::min(offset, file_size_);
  int number = 1;
  size_t start = 0;
  std::string_view bytes;
  Locate(offset, number, start, bytes);
  const std::string_view line = bytes.substr(0, offset - start);
  int units = 0;
  for (size_t i = 0; i < line.size();) {
    const size_t length = Utf8SequenceLength(line, i);
    units += length == 4 ? 2 : 1;
    i += length == 0 ? 1 : length;
  }
  return units;
}

void SourceText::RetainLinesAt(std::vector<size_t> offsets) {
  std::sort(offsets.begin(), offsets.end());
  std::vector<RetainedLine> retained;
  std::string kept;
  for (const size_t offset : offsets) {
    int number = 1;
    size_t start = 0;
    std::string_view bytes;
    Locate(offset, number, start, bytes);
    if (!retained.empty() && retained.back().number == number) continue;
    if (sparse_ && offset >= start + bytes.size() && offset < file_size_) continue;
    if (!sparse_) {
      const size_t end =
          static_cast<size_t>(number) < line_starts_.size() ? line_starts_[number] : text_.size();
      bytes = bytes.substr(0, end - start);
    }
    retained.push_back({number, start, kept.size(), bytes.size()});
    kept.append(bytes);
  }
  text_ = std::move(kept);
  text_.shrink_to_fit();
  retained_ = std::move(retained);
  retained_.shrink_to_fit();
  line_starts_.clear();
  line_starts_.shrink_to_fit();
  sparse_ = true;
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

bool IsValidUtf8(std::string_view bytes) { return FirstInvalidUtf8(bytes) == std::string_view::npos; }

std::string SanitizeUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
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

}  // namespace kestra_lint
