#include "key_edits.h"

#include <cctype>

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

size_t FlowCollectionEnd(std::string_view text, size_t open) {
  size_t depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '\'') {
      for (++i; i < text.size(); ++i) {
        if (text[i] != '\'') continue;
        if (i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
        } else {
          break;
        }
      }
    } else if (c == '#' && i > open && (IsBlank(text[i - 1]) || text[i - 1] == '\n')) {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
    if (i >= text.size()) break;
  }
  return std::string_view::npos;
}

std::optional<TextEdit> DeleteYamlKey(const SourceText& source, size_t key_begin) {
  const std::string& text = source.text();
  if (key_begin >= text.size()) return std::nullopt;
  const size_t line_begin = LineBegin(text, key_begin);
  for (size_t i = line_begin; i < key_begin; ++i) {
    if (text[i] != ' ') return std::nullopt;
  }
  // Inside a flow collection that spans lines the key may start its line,
  // but its line is no block: refuse (a ',' ending a comment or a plain
  // value above refuses too, which is safe).
  size_t previous = line_begin;
  while (previous > 0 && std::isspace(static_cast<unsigned char>(text[previous - 1]))) --previous;
  if (previous > 0 &&
      (text[previous - 1] == '{' || text[previous - 1] == '[' || text[previous - 1] == ',')) {
    return std::nullopt;
  }
  const size_t indent = key_begin - line_begin;
  // A flow collection as the value must close on this line: a later line
  // could close it at a lower indentation.
  const size_t line_end = NextLine(text, key_begin);
  for (size_t i = key_begin; i < line_end; ++i) {
    if (text[i] == ':' && i + 1 < line_end && IsBlank(text[i + 1])) {
      size_t value = i + 1;
      while (value < line_end && IsBlank(text[value])) ++value;
      if (value < line_end && (text[value] == '{' || text[value] == '[') &&
          FlowCollectionEnd(text, value) >= line_end) {
        return std::nullopt;
      }
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
