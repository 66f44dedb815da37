#include "fix/fix.h"

#include <algorithm>
#include <utility>

namespace kestra_lint {
namespace {

bool IsDeletion(const TextEdit& edit) { return edit.replacement.empty() && edit.begin < edit.end; }

bool Same(const TextEdit& a, const TextEdit& b) {
  return a.begin == b.begin && a.end == b.end && a.replacement == b.replacement;
}

// True when `edit` only touches bytes strictly inside what `deletion` removes.
bool InsideDeletion(const TextEdit& edit, const TextEdit& deletion) {
  if (!IsDeletion(deletion) || Same(edit, deletion)) return false;
  if (edit.begin == edit.end) return edit.begin > deletion.begin && edit.begin < deletion.end;
  return edit.begin >= deletion.begin && edit.end <= deletion.end;
}

bool Overlaps(const TextEdit& a, const TextEdit& b) {
  if (a.begin == a.end && b.begin == b.end) return a.begin == b.begin;  // two insertions
  if (a.begin == a.end) return a.begin > b.begin && a.begin < b.end;
  if (b.begin == b.end) return b.begin > a.begin && b.begin < a.end;
  return a.begin < b.end && b.begin < a.end;
}

// True when `edit` replaces or deletes text holding the start of `finding`.
bool Covers(const TextEdit& edit, const Finding& finding) {
  if (edit.begin == edit.end) return false;
  const auto at = std::make_pair(finding.line, finding.column);
  return std::make_pair(edit.line, edit.column) <= at &&
         at < std::make_pair(edit.end_line, edit.end_column);
}

}  // namespace

FixOutcome ApplyFixes(std::string_view text, const std::vector<Finding>& findings) {
  std::vector<const TextEdit*> deletions;
  for (const Finding& finding : findings) {
    if (!IsFixable(finding)) continue;
    for (const TextEdit& edit : finding.fix) {
      if (IsDeletion(edit) && edit.end <= text.size()) deletions.push_back(&edit);
    }
  }
  std::vector<const Finding*> suppressed;
  for (const Finding& finding : findings) {
    if (finding.suppressed) suppressed.push_back(&finding);
  }
  FixOutcome outcome;
  std::vector<TextEdit> accepted;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!IsFixable(findings[i])) continue;
    const bool spares_suppressed =
        std::none_of(findings[i].fix.begin(), findings[i].fix.end(), [&](const TextEdit& edit) {
          return std::any_of(suppressed.begin(), suppressed.end(),
                             [&](const Finding* waived) { return Covers(edit, *waived); });
        });
    if (!spares_suppressed) {
      outcome.touching_suppressed.push_back(i);
      continue;
    }
    std::vector<TextEdit> mine;
    bool refused = false;
    for (const TextEdit& edit : findings[i].fix) {
      if (edit.begin > edit.end || edit.end > text.size()) {
        refused = true;
        break;
      }
      const bool subsumed = std::any_of(deletions.begin(), deletions.end(), [&](const TextEdit* d) {
        return InsideDeletion(edit, *d);
      });
      if (subsumed) continue;
      const bool duplicate = std::any_of(accepted.begin(), accepted.end(),
                                         [&](const TextEdit& a) { return Same(a, edit); });
      if (duplicate) continue;
      const bool clash = std::any_of(accepted.begin(), accepted.end(),
                                     [&](const TextEdit& a) { return Overlaps(a, edit); }) ||
                         std::any_of(mine.begin(), mine.end(),
                                     [&](const TextEdit& m) { return Overlaps(m, edit); });
      if (clash) {
        refused = true;
        break;
      }
      mine.push_back(edit);
    }
    if (refused) {
      outcome.conflicts.push_back(i);
      continue;
    }
    accepted.insert(accepted.end(), mine.begin(), mine.end());
    outcome.applied.push_back(i);
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  outcome.text.reserve(text.size());
  size_t at = 0;
  for (const TextEdit& edit : accepted) {
    outcome.text.append(text.substr(at, edit.begin - at));
    outcome.text += edit.replacement;
    at = edit.end;
  }
  outcome.text.append(text.substr(at));
  outcome.edits = std::move(accepted);
  return outcome;
}

bool IsFixable(const Finding& finding) { return !finding.suppressed && !finding.fix.empty(); }

}  // namespace kestra_lint
