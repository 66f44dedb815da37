#include "lsp/lsp_positions.h"

#include <algorithm>

namespace kestra_lint {
namespace {

// Bytes of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

bool Before(LspPosition a, LspPosition b) {
  return a.line < b.line || (a.line == b.line && a.character < b.character);
}

}  // namespace

LspPosition LspPositionAt(const SourceText& source, size_t offset) {
  return LspPosition{source.PositionAt(offset).line - 1, source.Utf16Column(offset)};
}

size_t OffsetOfLspPosition(const SourceText& source, LspPosition position) {
  if (position.line < 0) return 0;
  if (position.line >= source.line_count()) return source.text().size();
  const size_t start = source.LineStart(position.line + 1);
  const std::string_view line = source.Line(position.line + 1);
  int units = 0;
  size_t at = 0;
  while (at < line.size()) {
    const size_t length =
        std::min(SequenceLength(static_cast<unsigned char>(line[at])), line.size() - at);
    const int width = length == 4 ? 2 : 1;
    if (units + width > position.character) break;
    units += width;
    at += length;
  }
  return start + at;
}

size_t OffsetOfColumn(const SourceText& source, int line, int column) {
  if (line < 1) return 0;
  if (line > source.line_count()) return source.text().size();
  const std::string_view text = source.Line(line);
  size_t at = 0;
  for (int k = 1; k < column && at < text.size(); ++k) {
    at += std::min(SequenceLength(static_cast<unsigned char>(text[at])), text.size() - at);
  }
  return source.LineStart(line) + at;
}

LspRange FindingRange(const SourceText& source, const Finding& finding) {
  const size_t begin = OffsetOfColumn(source, finding.line, finding.column);
  const int end_line = finding.end_line > 0 ? finding.end_line : finding.line;
  const int end_column = finding.end_line > 0 ? finding.end_column : finding.column;
  const size_t end = std::max(begin, OffsetOfColumn(source, end_line, end_column));
  return LspRange{LspPositionAt(source, begin), LspPositionAt(source, end)};
}

LspRange EditRange(const SourceText& source, const TextEdit& edit) {
  return LspRange{LspPositionAt(source, edit.begin), LspPositionAt(source, edit.end)};
}

bool Contains(const LspRange& range, LspPosition position) {
  return !Before(position, range.start) && !Before(range.end, position);
}

bool SharesLine(const LspRange& a, const LspRange& b) {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

// Filled key by key: nlohmann's initializer lists copy every nested value,
// which costs milliseconds over a thousand diagnostics.
nlohmann::json ToJson(LspPosition position) {
  nlohmann::json json = nlohmann::json::object();
  json["line"] = position.line;
  json["character"] = position.character;
  return json;
}

nlohmann::json ToJson(const LspRange& range) {
  nlohmann::json json = nlohmann::json::object();
  json["start"] = ToJson(range.start);
  json["end"] = ToJson(range.end);
  return json;
}

LspPosition LspPositionFromJson(const nlohmann::json& json) {
  return LspPosition{json.at("line").get<int>(), json.at("character").get<int>()};
}

LspRange LspRangeFromJson(const nlohmann::json& json) {
  return LspRange{LspPositionFromJson(json.at("start")), LspPositionFromJson(json.at("end"))};
}

void ApplyContentChange(std::string& text, const nlohmann::json& change) {
  const std::string& replacement = change.at("text").get_ref<const std::string&>();
  if (!change.contains("range")) {
    text = replacement;
    return;
  }
  const LspRange range = LspRangeFromJson(change.at("range"));
  const SourceText source(text);
  const size_t begin = OffsetOfLspPosition(source, range.start);
  const size_t end = std::max(begin, OffsetOfLspPosition(source, range.end));
  text.replace(begin, end - begin, replacement);
}

}  // namespace kestra_lint
