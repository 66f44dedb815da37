#include "edits/key_edits.h"

#include <cctype>

#include "yaml/yaml_lexer.h"

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

// True when a flow collection opening at `value` does not close before
// `line_end`: a later line could close it at a lower indentation.
bool OpensUnclosedFlow(const std::string& text, size_t value, size_t line_end) {
  return value < line_end && (text[value] == '{' || text[value] == '[') &&
         FlowCollectionEnd(text, value) >= line_end;
}

// Deletes from `line_begin` to the end of the last line indented deeper than
// `indent` that follows the line (trailing blank lines stay).
TextEdit DeleteIndentedBlock(const SourceText& source, size_t line_begin, size_t indent) {
  const std::string& text = source.text();
  size_t end = NextLine(text, line_begin);
  for (size_t at = end; at < text.size();) {
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

}  // namespace

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
  const size_t line_end = NextLine(text, key_begin);
  for (size_t i = key_begin; i < line_end; ++i) {
    if (text[i] == ':' && i + 1 < line_end && IsBlank(text[i + 1])) {
      size_t value = i + 1;
      while (value < line_end && IsBlank(text[value])) ++value;
      if (OpensUnclosedFlow(text, value, line_end)) return std::nullopt;
      break;
    }
  }
  return DeleteIndentedBlock(source, line_begin, key_begin - line_begin);
}

std::optional<TextEdit> DeleteYamlSequenceItem(const SourceText& source, size_t item_begin) {
  const std::string& text = source.text();
  if (item_begin >= text.size()) return std::nullopt;
  const size_t line_begin = LineBegin(text, item_begin);
  size_t dash = line_begin;
  while (dash < item_begin && text[dash] == ' ') ++dash;
  if (dash >= item_begin || text[dash] != '-') return std::nullopt;
  for (size_t i = dash + 1; i < item_begin; ++i) {
    if (!IsBlank(text[i])) return std::nullopt;
  }
  if (item_begin == dash + 1 || OpensUnclosedFlow(text, item_begin, NextLine(text, item_begin))) {
    return std::nullopt;
  }
  return DeleteIndentedBlock(source, line_begin, dash - line_begin);
}

std::optional<TextEdit> EmptyYamlCollection(const SourceText& source, size_t collection_begin,
                                            size_t end, bool sequence) {
  const std::string& text = source.text();
  if (end > text.size() || collection_begin > end) return std::nullopt;
  size_t colon = collection_begin;
  while (colon > 0 && std::isspace(static_cast<unsigned char>(text[colon - 1]))) --colon;
  if (colon == 0 || text[colon - 1] != ':') return std::nullopt;
  if (end > collection_begin && text[end - 1] == '\n') --end;
  if (end > collection_begin && text[end - 1] == '\r') --end;
  return MakeTextEdit(source, colon, end, sequence ? " []" : " {}");
}

std::optional<TextEdit> DeleteJavaOption(const SourceText& source,
                                         const JavaOptionRemoval& removal) {
  const std::string& text = source.text();
  const Span& span = removal.span;
  if (span.end > text.size() || span.begin >= span.end) return std::nullopt;
  if (!removal.whole_value) return MakeTextEdit(source, span.begin, span.end, "");
  const char before = span.begin > 0 ? text[span.begin - 1] : '\0';
  const char after = span.end < text.size() ? text[span.end] : '\0';
  if (before == '=' || ((before == '"' || before == '\'') && after == before)) {
    return MakeTextEdit(source, span.begin, span.end, "");
  }
  size_t colon = span.begin;
  while (colon > 0 && IsBlank(text[colon - 1])) --colon;
  size_t rest = span.end;
  while (rest < text.size() && IsBlank(text[rest])) ++rest;
  const bool line_ends = rest == text.size() || text[rest] == '\n' || text[rest] == '\r' ||
                         (text[rest] == '#' && rest > span.end);
  if (colon < span.begin && colon > 0 && text[colon - 1] == ':' && line_ends) {
    return MakeTextEdit(source, span.begin, span.end, "\"\"");
  }
  return std::nullopt;
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

std::string TenantYamlScalar(const std::string& tenant) {
  static const char* const kSpecial[] = {"true", "false", "yes", "no",  "on",
                                         "off",  "y",     "n",   "null"};
  bool digits = true;
  for (char c : tenant) digits = digits && c >= '0' && c <= '9';
  bool special = digits;
  for (const char* word : kSpecial) special = special || tenant == word;
  return special ? "\"" + tenant + "\"" : tenant;
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
