// Baselines: a JSON file (schemas/baseline.schema.json) listing the findings a
// team accepts for now, by fingerprint (rule + path + property or URI +
// occurrence; never line numbers), so only new findings fail CI and edits
// above a finding do not bring it back.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "findings/finding.h"

namespace kestra_lint {

struct BaselineEntry {
  std::string fingerprint;
  std::string rule_id;
  std::string path;
  std::string subject;  // the property or URI (redacted), for people reading the file
  std::string reason;   // optional: why it is accepted
};

class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The baseline of the findings, except those waived inline, sorted as they
// are (findings an older baseline waived stay in).
std::string BaselineJson(const std::vector<Finding>& findings);

// Parses and validates a baseline; throws BaselineError naming `source`.
std::vector<BaselineEntry> ParseBaseline(const std::string& text, const std::string& source);

// Marks the findings whose fingerprint is in `entries` (read from the file
// `baseline_path`) as suppressed (kind "baseline"); returns the entries that
// matched no finding.
std::vector<BaselineEntry> ApplyBaseline(const std::vector<BaselineEntry>& entries,
                                         const std::string& baseline_path,
                                         std::vector<Finding>& findings);

// Where a waived finding's waiver is written, as the JSON output and the
// audit show it: {"path", "line"} of the comment, or {"path"} of the baseline.
nlohmann::ordered_json SuppressionSourceJson(const Finding& finding);

// A baseline entry, as the JSON output and the audit list stale ones.
nlohmann::ordered_json BaselineEntryJson(const BaselineEntry& entry);

}  // namespace kestra_lint
