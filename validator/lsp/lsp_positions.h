// LSP positions: 0-based lines and characters counted in UTF-16 code units,
// as editors index their buffers. Findings count columns in code points and
// edits in bytes; these functions convert both ways through a SourceText.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "base/source_text.h"
#include "findings/finding.h"

namespace kestra_lint {

struct LspPosition {
  int line = 0;       // 0-based
  int character = 0;  // 0-based, UTF-16 code units
};

struct LspRange {
  LspPosition start;
  LspPosition end;
};

LspPosition LspPositionAt(const SourceText& source, size_t offset);
// The byte offset of `position`; a character past the line's end clamps to
// it, one inside a surrogate pair to the start of that code point.
size_t OffsetOfLspPosition(const SourceText& source, LspPosition position);
// The byte offset of a 1-based line and 1-based code point column.
size_t OffsetOfColumn(const SourceText& source, int line, int column);

// The range a finding covers, from its line and column.
LspRange FindingRange(const SourceText& source, const Finding& finding);
// The range of bytes [edit.begin, edit.end).
LspRange EditRange(const SourceText& source, const TextEdit& edit);

bool Contains(const LspRange& range, LspPosition position);
// True when the two ranges share a line: editors ask for code actions at the
// cursor, which is rarely inside the flagged key itself.
bool SharesLine(const LspRange& a, const LspRange& b);

nlohmann::json ToJson(LspPosition position);
nlohmann::json ToJson(const LspRange& range);
// Throws nlohmann::json::exception when `json` is not a Position / Range.
LspPosition LspPositionFromJson(const nlohmann::json& json);
LspRange LspRangeFromJson(const nlohmann::json& json);

// Applies one textDocument/didChange content change to `text`: the whole
// text when it has no range, else the replacement of that range.
void ApplyContentChange(std::string& text, const nlohmann::json& change);

}  // namespace kestra_lint
