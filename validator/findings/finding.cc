#include "findings/finding.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "base/secrets.h"
#include "base/sha256.h"

namespace kestra_lint {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

bool ParseSeverity(const std::string& text, Severity& severity) {
  if (text == "info")
    severity = Severity::kInfo;
  else if (text == "warning")
    severity = Severity::kWarning;
  else if (text == "error")
    severity = Severity::kError;
  else
    return false;
  return true;
}

namespace {

// `text` masked and cut to kMaxFindingText bytes (at a character's start).
std::string ForOutput(const std::string& text) {
  if (text.empty()) return text;
  std::string out = SanitizeUtf8(RedactText(text));
  if (out.size() <= kMaxFindingText) return out;
  size_t cut = kMaxFindingText;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  out += "...";
  return out;
}

// kMaxFindingsPerFile counts the findings without a fix only.
void SummariseOverflow(std::vector<Finding>& findings, size_t first) {
  if (findings.size() - first <= kMaxFindingsPerFile) return;
  const auto begin = findings.begin() + static_cast<std::ptrdiff_t>(first);
  std::stable_sort(begin, findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  // Findings with a fix are all kept: `fix` applies them in one run, and each
  // is bounded by the bytes it replaces.
  std::vector<Finding> kept;
  std::vector<Finding> omitted;
  size_t room = kMaxFindingsPerFile;
  for (auto it = begin; it != findings.end(); ++it) {
    if (!it->fix.empty() || room > 0) {
      if (it->fix.empty()) --room;
      kept.push_back(std::move(*it));
    } else {
      omitted.push_back(std::move(*it));
    }
  }
  findings.erase(begin, findings.end());
  for (Finding& finding : kept) findings.push_back(std::move(finding));
  if (omitted.empty()) return;
  Finding summary = omitted.front();
  size_t omitted_suppressed = 0;
  for (const Finding& finding : omitted) {
    if (finding.suppressed) {
      ++omitted_suppressed;
    } else {
      summary.severity = std::max(summary.severity, finding.severity);
    }
  }
  summary.message = std::to_string(omitted.size()) +
                    " more findings in this file are not shown: one file reports at most " +
                    std::to_string(kMaxFindingsPerFile) + " (" +
                    std::to_string(omitted_suppressed) + " of them waived)";
  summary.suggestion = "Fix the findings shown and run again to see the rest";
  summary.property.clear();
  summary.uri.clear();
  summary.since.clear();
  summary.suppressed = omitted_suppressed == omitted.size();
  if (!summary.suppressed) {
    summary.suppression_kind.clear();
    summary.suppression_reason.clear();
    summary.suppression_path.clear();
    summary.suppression_line = 0;
  }
  findings.push_back(std::move(summary));
}

}  // namespace

void PrepareForOutput(const SourceText& source, std::vector<Finding>& findings, size_t first) {
  SummariseOverflow(findings, first);
  const std::string_view text = source.text();
  for (size_t i = first; i < findings.size(); ++i) {
    Finding& finding = findings[i];
    finding.message = ForOutput(finding.message);
    finding.suggestion = ForOutput(finding.suggestion);
    finding.uri = ForOutput(finding.uri);
    finding.property = ForOutput(finding.property);
    finding.origin = ForOutput(finding.origin);
    finding.suppression_reason = ForOutput(finding.suppression_reason);
    if (finding.line < 1 || finding.line > source.line_count()) continue;
    const size_t line_begin = source.LineStart(finding.line);
    const size_t line_end = line_begin + source.Line(finding.line).size();
    const size_t begin = source.OffsetOfColumn(finding.line, finding.column);
    const size_t end = finding.end_line == finding.line
                           ? source.OffsetOfColumn(finding.line, finding.end_column)
                           : begin;
    Excerpt excerpt = ExcerptOf(text, line_begin, line_end, begin, end);
    finding.source_line = std::move(excerpt.text);
    finding.source_caret_column = excerpt.caret_column;
    finding.source_caret_width = excerpt.caret_width;
  }
}

void SortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.path, a.line, a.column, a.rule_id, a.message) <
           std::tie(b.path, b.line, b.column, b.rule_id, b.message);
  });
}

void AssignFingerprints(std::vector<Finding>& findings) {
  std::map<std::string, int> occurrences;
  for (Finding& finding : findings) {
    const std::string subject = !finding.property.empty() ? finding.property
                                : !finding.uri.empty()    ? finding.uri
                                                          : finding.message;
    std::string key = finding.rule_id;
    key += '\0';
    key += finding.path;
    key += '\0';
    key += subject;
    const int occurrence = occurrences[key]++;
    key += '\0';
    key += std::to_string(occurrence);
    finding.fingerprint = Sha256Hex(key).substr(0, 32);
  }
}

TextEdit MakeTextEdit(const SourceText& source, size_t begin, size_t end, std::string replacement) {
  TextEdit edit;
  edit.begin = begin;
  edit.end = end;
  edit.replacement = std::move(replacement);
  const Position from = source.PositionAt(begin);
  const Position to = source.PositionAt(end);
  edit.line = from.line;
  edit.column = from.column;
  edit.end_line = to.line;
  edit.end_column = to.column;
  return edit;
}

}  // namespace kestra_lint
