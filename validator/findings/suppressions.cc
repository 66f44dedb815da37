#include "findings/suppressions.h"

#include <algorithm>
#include <cstring>

#include "base/closest.h"
#include "extract/source_kind.h"
#include "yaml/yaml_lexer.h"

namespace kestra_lint {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsLineEnd(char c) { return c == '\n' || c == '\r'; }

// .properties: whole lines starting with # or !, unless the line before
// continues onto this one.
void PropertiesComments(const std::string& text, std::vector<Comment>& comments) {
  bool continued = false;
  for (const LineRange& line : SplitLines(text)) {
    size_t first = line.begin;
    while (first < line.end && (IsBlank(text[first]) || text[first] == '\f')) ++first;
    const bool comment =
        !continued && first < line.end && (text[first] == '#' || text[first] == '!');
    if (comment) {
      comments.push_back({first, text.substr(first + 1, line.end - first - 1), false, 1});
      continue;
    }
    size_t backslashes = 0;
    while (line.end - backslashes > line.begin && text[line.end - backslashes - 1] == '\\') {
      ++backslashes;
    }
    continued = first < line.end && backslashes % 2 == 1;
    if (first == line.end) continued = false;
  }
}

// .env: whole-line comments and ` #` after an unquoted or closed quoted value.
void EnvComments(const std::string& text, std::vector<Comment>& comments) {
  for (const LineRange& line : SplitLines(text)) {
    char quote = '\0';
    bool after_equals = false;
    for (size_t i = line.begin; i < line.end; ++i) {
      const char c = text[i];
      if (quote != '\0') {
        if (c == quote) quote = '\0';
        continue;
      }
      if (c == '#' && (i == line.begin || IsBlank(text[i - 1]))) {
        comments.push_back({i, text.substr(i + 1, line.end - i - 1), false, 1});
        break;
      }
      if (c == '=' && !after_equals) {
        after_equals = true;
        size_t value = i + 1;
        while (value < line.end && IsBlank(text[value])) ++value;
        if (value < line.end && (text[value] == '"' || text[value] == '\'')) {
          quote = text[value];
          i = value;
        }
      }
    }
  }
}

// Is `at` outside the string literals its line opened before it? Counts
// double quotes and backticks; single quotes too, except in markup, where
// they are apostrophes of prose.
bool OutsideStrings(std::string_view line, size_t at, bool count_single_quotes) {
  int doubles = 0;
  int backticks = 0;
  int singles = 0;
  for (size_t i = 0; i < at; ++i) {
    if (i > 0 && line[i - 1] == '\\') continue;
    doubles += line[i] == '"';
    backticks += line[i] == '`';
    singles += line[i] == '\'';
  }
  return doubles % 2 == 0 && backticks % 2 == 0 && (!count_single_quotes || singles % 2 == 0);
}

// The comment a sign opens at `sign` in [`sign`, `line_end`): its text runs to
// the line's end or to the closer of a block comment.
Comment SignedComment(const std::string& text, size_t sign, std::string_view sign_text,
                      size_t line_end) {
  std::string_view body(text.data() + sign + sign_text.size(), line_end - sign - sign_text.size());
  for (std::string_view closer : {"*/}", "*/", "-->"}) {
    const size_t close = body.find(closer);
    if (close != std::string_view::npos) {
      body = body.substr(0, close);
      break;
    }
  }
  return Comment{sign, std::string(body), false, sign_text.size()};
}

// Comments of a format of its own that declares its comment signs: a line
// that starts with a sign is a comment, and so is a sign just before
// "kestra-lint" later on a line, outside the line's string literals.
void SignedComments(const std::string& text, const std::vector<std::string_view>& signs,
                    std::vector<Comment>& comments) {
  for (const LineRange& line : SplitLines(text)) {
    const std::string_view content(text.data() + line.begin, line.end - line.begin);
    const size_t first = content.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    bool whole_line = false;
    for (std::string_view sign : signs) {
      if (content.substr(first, sign.size()) == sign) {
        comments.push_back(SignedComment(text, line.begin + first, sign, line.end));
        whole_line = true;
        break;
      }
    }
    if (whole_line) continue;
    for (size_t at = content.find("kestra-lint"); at != std::string_view::npos;
         at = content.find("kestra-lint", at + 1)) {
      size_t before = at;
      while (before > 0 && IsBlank(content[before - 1])) --before;
      const auto sign = std::find_if(signs.begin(), signs.end(), [&](std::string_view candidate) {
        return before >= candidate.size() &&
               content.substr(before - candidate.size(), candidate.size()) == candidate;
      });
      if (sign == signs.end()) continue;
      const size_t sign_at = before - sign->size();
      if (!OutsideStrings(content, sign_at, *sign != "<!--")) continue;
      comments.push_back(SignedComment(text, line.begin + sign_at, *sign, line.end));
      break;
    }
  }
}

std::string Trim(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && (IsBlank(text.back()) || IsLineEnd(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

// The first line after `line` (1-based) that holds more than a comment.
int NextCodeLine(const SourceText& source, const std::vector<int>& comment_only, int line) {
  for (int next = line + 1; next <= source.line_count(); ++next) {
    const std::string_view text = source.Line(next);
    const bool blank = text.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank && !std::binary_search(comment_only.begin(), comment_only.end(), next)) {
      return next;
    }
  }
  return 0;
}

}  // namespace

std::vector<Comment> FindComments(const ScannedFile& file) {
  std::vector<Comment> comments;
  const std::string& text = file.source.text();
  switch (file.kind) {
    case FileKind::kProperties:
      PropertiesComments(text, comments);
      break;
    case FileKind::kEnvFile:
      EnvComments(text, comments);
      break;
    default:
      // A format of its own (not YAML): its kind says how comments look.
      if (SourceKindOf(file.kind).extract_text != nullptr) {
        SignedComments(text, SourceKindOf(file.kind).comment_signs, comments);
        break;
      }
      for (YamlComment& comment : FindYamlComments(text)) {
        comments.push_back({comment.offset, std::move(comment.text), false, 1});
      }
      break;
  }
  // The top comment lines: every line before them is blank or a comment.
  size_t expected = 0;
  for (Comment& comment : comments) {
    size_t line_begin = comment.offset;
    while (line_begin > 0 && text[line_begin - 1] != '\n') --line_begin;
    const std::string_view before(text.data() + expected, line_begin - expected);
    const bool only_blank = before.find_first_not_of(" \t\r\n") == std::string_view::npos;
    const std::string_view lead(text.data() + line_begin, comment.offset - line_begin);
    if (!only_blank || lead.find_first_not_of(" \t") != std::string_view::npos) break;
    comment.top = true;
    expected = text.find('\n', comment.offset);
    if (expected == std::string::npos) break;
  }
  if (file.embedded_comments.empty()) return comments;
  for (const EmbeddedComment& comment : file.embedded_comments) {
    comments.push_back({comment.offset, comment.text, false, 1});
  }
  std::stable_sort(comments.begin(), comments.end(),
                   [](const Comment& a, const Comment& b) { return a.offset < b.offset; });
  return comments;
}

std::vector<Suppression> FindSuppressions(const ScannedFile& file) {
  // Every directive names the tool: most files (application code above all)
  // have none, and finding their comments would cost more than the scan.
  const std::string& text = file.source.text();
  if (memmem(text.data(), text.size(), "kestra-lint", 11) == nullptr) return {};
  const std::vector<Comment> comments = FindComments(file);
  const SourceText& source = file.source;
  std::vector<int> comment_only;
  for (const Comment& comment : comments) {
    const Position at = source.PositionAt(comment.offset);
    const size_t line_begin = source.LineStart(at.line);
    const std::string_view lead(source.text().data() + line_begin, comment.offset - line_begin);
    if (lead.find_first_not_of(" \t") == std::string_view::npos) comment_only.push_back(at.line);
  }
  std::vector<Suppression> suppressions;
  for (const Comment& comment : comments) {
    const std::string_view body = comment.text;
    const size_t start = body.find_first_not_of(" \t");
    if (start == std::string_view::npos || body.substr(start, 11) != "kestra-lint" ||
        (start + 11 < body.size() && !IsBlank(body[start + 11]))) {
      continue;
    }
    Suppression suppression;
    suppression.span =
        Span{comment.offset, comment.offset + comment.sign_length + Trim(body).size() + start};
    const size_t directive_begin = body.find_first_not_of(" \t", start + 11);
    const size_t directive_end =
        directive_begin == std::string_view::npos
            ? body.size()
            : std::min(body.size(), body.find_first_of(" \t", directive_begin));
    const std::string directive =
        directive_begin == std::string_view::npos
            ? ""
            : std::string(body.substr(directive_begin, directive_end - directive_begin));
    const int line = source.PositionAt(comment.offset).line;
    suppression.line = line;
    if (directive == "disable-line") {
      suppression.scope = Suppression::Scope::kLine;
      suppression.target_line = line;
    } else if (directive == "disable-next-line") {
      suppression.scope = Suppression::Scope::kNextLine;
      suppression.target_line = NextCodeLine(source, comment_only, line);
    } else if (directive == "disable-file") {
      suppression.scope = Suppression::Scope::kFile;
      if (!comment.top) {
        suppression.problem = "disable-file works only in the comment lines at the top of the file";
      }
    } else if (directive.rfind("disab", 0) != 0 && directive.rfind("enab", 0) != 0) {
      continue;  // prose that mentions kestra-lint, not a directive
    } else {
      suppression.problem = "'" + directive +
                            "' is not a kestra-lint directive: use disable-line, "
                            "disable-next-line or disable-file";
      suppressions.push_back(std::move(suppression));
      continue;
    }
    // Rule ids up to " -- ", then the reason.
    std::string_view rest = body.substr(directive_end);
    const size_t separator = rest.find("--");
    const std::string_view ids = rest.substr(0, separator);
    if (separator != std::string_view::npos) suppression.reason = Trim(rest.substr(separator + 2));
    const size_t ids_offset = comment.offset + comment.sign_length + directive_end;
    size_t at = 0;
    while (at < ids.size()) {
      while (at < ids.size() && (IsBlank(ids[at]) || ids[at] == ',')) ++at;
      const size_t begin = at;
      while (at < ids.size() && !IsBlank(ids[at]) && ids[at] != ',') ++at;
      if (at > begin) {
        suppression.rule_ids.emplace_back(ids.substr(begin, at - begin));
        suppression.rule_id_spans.push_back(Span{ids_offset + begin, ids_offset + at});
      }
    }
    if (suppression.rule_ids.empty() && suppression.problem.empty()) {
      suppression.problem = "'" + directive + "' needs the rule ids it waives, e.g. '" + directive +
                            " removed-default-tenant -- <reason>'";
    }
    suppressions.push_back(std::move(suppression));
  }
  return suppressions;
}

std::vector<FileProblem> ApplySuppressions(const std::vector<Suppression>& suppressions,
                                           const SuppressionSettings& settings,
                                           std::vector<Finding*>& findings) {
  std::vector<FileProblem> problems;
  for (const Suppression& suppression : suppressions) {
    if (!suppression.problem.empty()) {
      problems.push_back({"unused-suppression", suppression.problem, suppression.span, ""});
      continue;
    }
    if (settings.require_reason && suppression.reason.empty()) {
      problems.push_back({"suppression-missing-reason",
                          "this suppression gives no reason: write one after ' -- ' "
                          "(--require-reason is on, so it waives nothing)",
                          suppression.span, ""});
      continue;
    }
    for (size_t i = 0; i < suppression.rule_ids.size(); ++i) {
      const std::string& id = suppression.rule_ids[i];
      const auto& known = settings.known_rule_ids;
      if (std::find(known.begin(), known.end(), id) == known.end()) {
        const std::string closest = Closest(id, known);
        problems.push_back({"unused-suppression",
                            "'" + id + "' is not a rule id" +
                                (closest.empty() ? std::string(" ('kestra-lint rules' lists them)")
                                                 : "; did you mean '" + closest + "'?"),
                            suppression.rule_id_spans[i], id});
        continue;
      }
      bool used = false;
      for (Finding* finding : findings) {
        if (finding->rule_id != id) continue;
        if (suppression.scope != Suppression::Scope::kFile &&
            finding->line != suppression.target_line) {
          continue;
        }
        used = true;
        if (finding->suppressed) continue;
        finding->suppressed = true;
        finding->suppression_kind = "inline";
        finding->suppression_reason = suppression.reason;
        finding->suppression_path = finding->path;
        finding->suppression_line = suppression.line;
      }
      if (!used) {
        const char* where = suppression.scope == Suppression::Scope::kLine ? "on this line"
                            : suppression.scope == Suppression::Scope::kNextLine
                                ? "on the next line"
                                : "in this file";
        problems.push_back({"unused-suppression",
                            "the suppression of '" + id + "' matches no finding " + where,
                            suppression.rule_id_spans[i], id});
      }
    }
  }
  return problems;
}

}  // namespace kestra_lint
