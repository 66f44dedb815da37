#include "fix/unified_diff.h"

#include <algorithm>

#include "base/markup_escape.h"
#include "base/secrets.h"
#include "base/source_text.h"

namespace kestra_lint {
namespace {

constexpr int kContext = 3;

// Changed lines [first_line, last_line] of `before` (1-based) and the edits in them.
struct Change {
  int first_line = 0;
  int last_line = 0;
  std::vector<const TextEdit*> edits;
};

// The text split after each line break; the last piece may lack one.
std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t at = 0;
  while (at < text.size()) {
    const size_t newline = text.find('\n', at);
    const size_t end = newline == std::string::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(at, end - at));
    at = end;
  }
  return lines;
}

// Prints the line at `offset` of `text`, its secrets masked in the light of
// the lines around it.
void PrintLine(char mark, std::string_view text, size_t offset, const std::string& line,
               std::string& out) {
  const bool newline = !line.empty() && line.back() == '\n';
  std::string content = newline ? line.substr(0, line.size() - 1) : line;
  const bool carriage_return = !content.empty() && content.back() == '\r';
  if (carriage_return) content.pop_back();
  out += mark;
  out += EscapeControls(RedactLineOf(text, offset, offset + content.size()));
  if (carriage_return) out += '\r';
  out += '\n';
  if (!newline) out += "\\ No newline at end of file\n";
}

std::string Range(int start, int count) {
  if (count == 0) return std::to_string(std::max(0, start - 1)) + ",0";
  return std::to_string(start) + "," + std::to_string(count);
}

}  // namespace

std::string UnifiedDiff(const std::string& path, const std::string& before,
                        const std::vector<TextEdit>& edits) {
  if (edits.empty()) return "";
  const SourceText source(before);
  const std::vector<std::string> lines = SplitLines(before);
  const int line_count = static_cast<int>(lines.size());
  std::vector<Change> changes;
  for (const TextEdit& edit : edits) {
    const int first = source.PositionAt(edit.begin).line;
    const int last = source.PositionAt(edit.end > edit.begin ? edit.end - 1 : edit.begin).line;
    if (!changes.empty() && first <= changes.back().last_line) {
      changes.back().last_line = std::max(changes.back().last_line, last);
      changes.back().edits.push_back(&edit);
    } else {
      changes.push_back({first, last, {&edit}});
    }
  }
  const std::string shown_path = EscapeControls(path);
  std::string out = "--- a/" + shown_path + "\n+++ b/" + shown_path + "\n";
  int shift = 0;  // lines added minus lines removed by earlier hunks
  for (size_t first = 0; first < changes.size();) {
    // A hunk holds the changes whose context would touch.
    size_t last = first;
    while (last + 1 < changes.size() &&
           changes[last + 1].first_line <= changes[last].last_line + 2 * kContext + 1) {
      ++last;
    }
    const int context_begin = std::max(1, changes[first].first_line - kContext);
    const int context_end = std::min(line_count, changes[last].last_line + kContext);
    std::string body;
    int old_count = 0;
    int new_count = 0;
    int line = context_begin;
    for (size_t c = first; c <= last; ++c) {
      const Change& change = changes[c];
      for (; line < change.first_line; ++line, ++old_count, ++new_count) {
        PrintLine(' ', before, source.LineStart(line), lines[line - 1], body);
      }
      const size_t region_begin = source.LineStart(change.first_line);
      const size_t region_end =
          change.last_line >= line_count ? before.size() : source.LineStart(change.last_line + 1);
      std::string replaced;
      size_t at = region_begin;
      for (const TextEdit* edit : change.edits) {
        replaced += before.substr(at, edit->begin - at);
        replaced += edit->replacement;
        at = edit->end;
      }
      replaced += before.substr(at, region_end - at);
      for (; line <= std::min(change.last_line, line_count); ++line, ++old_count) {
        PrintLine('-', before, source.LineStart(line), lines[line - 1], body);
      }
      // Added lines are read after the lines above them, for their context.
      const size_t above = source.LineStart(std::max(1, change.first_line - 8));
      const std::string after = before.substr(above, region_begin - above) + replaced;
      size_t offset = region_begin - above;
      for (const std::string& added : SplitLines(replaced)) {
        PrintLine('+', after, offset, added, body);
        offset += added.size();
        ++new_count;
      }
    }
    for (; line <= context_end; ++line, ++old_count, ++new_count) {
      PrintLine(' ', before, source.LineStart(line), lines[line - 1], body);
    }
    out += "@@ -" + Range(context_begin, old_count) + " +" +
           Range(context_begin + shift, new_count) + " @@\n" + body;
    shift += new_count - old_count;
    first = last + 1;
  }
  return out;
}

}  // namespace kestra_lint
