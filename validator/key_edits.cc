#include "key_edits.h"

#include "fix.h"

namespace kestra_lint {
namespace {

size_t LineBegin(const std::string& text, size_t offset) {
  while (offset > 0 && text[offset - 1] != '\n') --offset;
  return offset;
}

// Offset just past the line break of the line holding `offset`.
size_t NextLine(const std::string& text, size_t offset) {
  const size_t newline = text.find('\n', offset);
  return newline == std::string::npos ? text.size() : newline + 1;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::optional<TextEdit> DeleteYamlKey(const SourceText& source, size_t key_begin) {
  const std::string& text = source.text();
  if (key_begin >= text.size()) return std::nullopt;
  const size_t line_begin = LineBegin(text, key_begin);
  for (size_t i = line_begin; i < key_begin; ++i) {
    if (text[i] != ' ') return std::nullopt;
  }
  const size_t indent = key_begin - line_begin;
  // The value must not open a flow collection that could close on a less
  // indented line.
  const size_t line_end = NextLine(text, key_begin);
  for (size_t i = key_begin; i < line_end; ++i) {
    if (text[i] == ':' && i + 1 < line_end && IsBlank(text[i + 1])) {
      size_t value = i + 1;
      while (value < line_end && IsBlank(text[value])) ++value;
      if (value < line_end && (text[value] == '{' || text[value] == '[')) return std::nullopt;
      break;
    }
  }
  size_t end = line_end;
  for (size_t at = line_end; at < text.size();) {
    const size_t next = NextLine(text, at);
    size_t first = at;
    while (first < next && text[first] == ' ') ++first;
    const bool blank = first == next || text[first] == '\n' || text[first] == '\r';
    if (!blank) {
      if (first - at <= indent) break;
      end = next;
    }
    at = next;
  }
  return MakeTextEdit(source, line_begin, end, "");
}

std::optional<TextEdit> DeleteFlatEntry(const SourceText& source, const Span& key, size_t last,
                                        bool env_file) {
  const std::string& text = source.text();
  if (key.begin >= text.size()) return std::nullopt;
  const size_t line_begin = LineBegin(text, key.begin);
  std::string_view before(text.data() + line_begin, key.begin - line_begin);
  while (!before.empty() && IsBlank(before.front())) before.remove_prefix(1);
  if (env_file && before.substr(0, 6) == "export") {
    before.remove_prefix(6);
    if (before.empty() || !IsBlank(before.front())) return std::nullopt;
    while (!before.empty() && IsBlank(before.front())) before.remove_prefix(1);
  }
  if (!before.empty()) return std::nullopt;
  return MakeTextEdit(source, line_begin, NextLine(text, std::max(last, key.begin)), "");
}

std::optional<TextEdit> ReplaceKeyTail(const SourceText& source, const Span& key,
                                       std::string_view written, size_t keep,
                                       const std::string& tail) {
  const std::string& text = source.text();
  if (key.end > text.size() || key.end < key.begin ||
      std::string_view(text).substr(key.begin, key.end - key.begin) != written ||
      keep > written.size()) {
    return std::nullopt;
  }
  return MakeTextEdit(source, key.begin + keep, key.end, tail);
}

}  // namespace kestra_lint
