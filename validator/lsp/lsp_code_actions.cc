#include "lsp/lsp_code_actions.h"

#include <algorithm>

#include "extract/source_kind.h"
#include "findings/suppressions.h"
#include "lsp/lsp_diagnostics.h"
#include "lsp/lsp_positions.h"
#include "pipeline/scan.h"

namespace kestra_lint {
namespace {

// True when a YAML line already ends in a comment: a '#' at its start or
// after a blank, outside quotes.
bool HasYamlComment(std::string_view line) {
  char quote = '\0';
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != '\0') {
      if (c == quote) quote = '\0';
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return true;
    }
  }
  return false;
}

// The line break the file uses after `line` ("\n" when it has none).
std::string LineBreakAfter(const SourceText& source, int line) {
  const size_t end = source.LineStart(line) + source.Line(line).size();
  const std::string& text = source.text();
  if (end < text.size() && text[end] == '\r') {
    return end + 1 < text.size() && text[end + 1] == '\n' ? "\r\n" : "\r";
  }
  return "\n";
}

// The comment a new suppression is written in, as {opening, closing}: YAML,
// .properties and .env take `#`; a format of its own its kind's first sign,
// but Python and Ruby code `#`.
std::pair<std::string, std::string> CommentSigns(const std::string& path, FileKind kind) {
  const std::vector<std::string_view>& signs = SourceKindOf(kind).comment_signs;
  const std::string_view name = BaseName(path);
  const bool hash_language = NameMatchesPattern("*.py", name) || NameMatchesPattern("*.rb", name);
  if (signs.empty() || hash_language) return {"#", ""};
  const std::string sign(signs.front());
  if (sign == "/*" || sign == "{/*") return {sign, sign == "/*" ? " */" : " */}"};
  if (sign == "<!--") return {sign, " -->"};
  return {sign, ""};
}

std::string FirstLine(const std::string& text, size_t limit) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > limit) line = line.substr(0, limit) + "...";
  return line;
}

// True when the text with `edit` holds a directive for `rule_id` that
// targets `line`.
bool Waives(const Finding& finding, const SourceText& source, const TextEdit& edit, int line) {
  std::string text = source.text();
  text.replace(edit.begin, edit.end - edit.begin, edit.replacement);
  for (const Suppression& suppression : FindSuppressions(ScanText(finding.path, std::move(text)))) {
    const auto& ids = suppression.rule_ids;
    if (suppression.problem.empty() && suppression.target_line == line &&
        std::find(ids.begin(), ids.end(), finding.rule_id) != ids.end()) {
      return true;
    }
  }
  return false;
}

nlohmann::json EditJson(const SourceText& source, const TextEdit& edit) {
  return {{"range", ToJson(EditRange(source, edit))}, {"newText", edit.replacement}};
}

}  // namespace

nlohmann::json WorkspaceEditFor(const Finding& finding, const SourceText& source,
                                const std::string& uri) {
  nlohmann::json edits = nlohmann::json::array();
  for (const TextEdit& edit : finding.fix) edits.push_back(EditJson(source, edit));
  return {{"changes", {{uri, edits}}}};
}

std::optional<TextEdit> SuppressionEditFor(const Finding& finding, const SourceText& source,
                                           FileKind kind) {
  const std::string_view line = source.Line(finding.line);
  const size_t line_start = source.LineStart(finding.line);
  const std::string directive = finding.rule_id + " -- " + kReasonPlaceholder;
  const bool flat = kind == FileKind::kProperties || kind == FileKind::kEnvFile;
  const auto [open, close] = CommentSigns(finding.path, kind);
  auto placed = [&](TextEdit edit) {
    const Position position = source.PositionAt(edit.begin);
    edit.line = edit.end_line = position.line;
    edit.column = edit.end_column = position.column;
    return edit;
  };
  if (!flat && !HasYamlComment(line)) {
    TextEdit trailing;
    trailing.begin = trailing.end = line_start + line.size();
    trailing.replacement = "  " + open + " kestra-lint disable-line " + directive + close;
    if (Waives(finding, source, trailing, finding.line)) return placed(trailing);
  }
  const size_t indent = line.find_first_not_of(" \t");
  TextEdit above;
  above.begin = above.end = line_start;
  above.replacement = std::string(line.substr(0, indent == std::string_view::npos ? 0 : indent)) +
                      open + " kestra-lint disable-next-line " + directive + close +
                      LineBreakAfter(source, finding.line);
  if (Waives(finding, source, above, finding.line + 1)) return placed(above);
  return std::nullopt;
}

nlohmann::json CodeActionsFor(const std::vector<const Finding*>& findings, const SourceText& source,
                              FileKind kind, const std::string& uri) {
  nlohmann::json actions = nlohmann::json::array();
  std::vector<std::string> explained;
  for (const Finding* finding : findings) {
    const nlohmann::json diagnostics = nlohmann::json::array({DiagnosticFor(*finding, source)});
    if (!finding->fix.empty()) {
      actions.push_back(
          {{"title", "Fix " + finding->rule_id + ": " + FirstLine(finding->suggestion, 80)},
           {"kind", "quickfix"},
           {"isPreferred", true},
           {"diagnostics", diagnostics},
           {"edit", WorkspaceEditFor(*finding, source, uri)}});
    }
    const std::optional<TextEdit> suppression = SuppressionEditFor(*finding, source, kind);
    if (suppression) {
      actions.push_back(
          {{"title", "Disable " + finding->rule_id + " for this line"},
           {"kind", "quickfix"},
           {"diagnostics", diagnostics},
           {"edit",
            {{"changes", {{uri, nlohmann::json::array({EditJson(source, *suppression)})}}}}}});
    }
    if (std::find(explained.begin(), explained.end(), finding->rule_id) != explained.end()) {
      continue;
    }
    explained.push_back(finding->rule_id);
    const std::string explain_title = "Explain " + finding->rule_id;
    actions.push_back({{"title", explain_title},
                       {"kind", "quickfix"},
                       {"diagnostics", diagnostics},
                       {"command",
                        {{"title", explain_title},
                         {"command", kExplainCommand},
                         {"arguments", nlohmann::json::array({finding->rule_id})}}}});
  }
  return actions;
}

}  // namespace kestra_lint
