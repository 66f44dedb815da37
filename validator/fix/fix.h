// The fix engine: applies the certain fixes that rules attached to findings
// (Finding::fix) to a file's text. A library call, so the command line and a
// language server's quick fixes share it. Every byte outside an edit stays.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/source_text.h"
#include "findings/finding.h"

namespace kestra_lint {

struct FixOutcome {
  std::string text;               // the text with the accepted fixes applied
  std::vector<size_t> applied;    // indexes of the findings whose fix is in `text`
  std::vector<size_t> conflicts;  // fixes refused: they overlap one accepted before
  // Fixes refused because they would change the text of a suppressed finding
  // (deleting a whole mapping or list that holds it).
  std::vector<size_t> touching_suppressed;
  std::vector<TextEdit> edits;  // what was applied, sorted, not overlapping
};

// Applies the fixes of `findings` (all of one file; suppressed findings and
// findings without a fix are skipped) to `text`. A finding's edits are taken
// all or none. Identical edits merge; an edit inside text another fix deletes
// is subsumed; any other overlap refuses the later finding's fix, in the
// order of `findings`, so the result is deterministic. A fix that would
// change the text where a suppressed finding starts is refused too.
FixOutcome ApplyFixes(std::string_view text, const std::vector<Finding>& findings);

// Whether ApplyFixes takes the finding's fix: it has one and is not suppressed.
bool IsFixable(const Finding& finding);

}  // namespace kestra_lint
