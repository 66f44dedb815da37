#include "findings/baseline.h"

#include <map>
#include <nlohmann/json.hpp>

#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "base/source_text.h"

namespace kestra_lint {

std::string BaselineJson(const std::vector<Finding>& findings) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const Finding& finding : findings) {
    if (finding.suppressed && finding.suppression_kind != "baseline") continue;
    nlohmann::ordered_json entry = {
        {"fingerprint", finding.fingerprint}, {"ruleId", finding.rule_id}, {"path", finding.path}};
    const std::string& subject = !finding.property.empty() ? finding.property : finding.uri;
    if (!subject.empty()) entry["subject"] = subject;
    entries.push_back(std::move(entry));
  }
  nlohmann::ordered_json baseline = {
      {"baselineVersion", 1}, {"tool", "kestra-lint"}, {"findings", entries}};
  return baseline.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::vector<BaselineEntry> ParseBaseline(const std::string& text, const std::string& source) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    const Position at = SourceText(text).PositionAt(error.byte > 0 ? error.byte - 1 : 0);
    throw BaselineError(source + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                        ": not valid JSON");
  }
  static const nlohmann::json schema =
      nlohmann::json::parse(FindEmbeddedFile("schemas/baseline.schema.json")->bytes);
  const std::vector<SchemaError> errors = ValidateAgainstSchema(schema, json);
  if (!errors.empty()) {
    const SchemaError& deepest = DeepestError(errors);
    throw BaselineError(source + ": not a kestra-lint baseline at " + JsonPointer(deepest.path) +
                        ": " + deepest.message);
  }
  std::vector<BaselineEntry> entries;
  for (const nlohmann::json& entry : json["findings"]) {
    entries.push_back({entry["fingerprint"].get<std::string>(), entry["ruleId"].get<std::string>(),
                       entry["path"].get<std::string>(), entry.value("subject", ""),
                       entry.value("reason", "")});
  }
  return entries;
}

nlohmann::ordered_json SuppressionSourceJson(const Finding& finding) {
  nlohmann::ordered_json source = {{"path", finding.suppression_path}};
  if (finding.suppression_line > 0) source["line"] = finding.suppression_line;
  return source;
}

nlohmann::ordered_json BaselineEntryJson(const BaselineEntry& entry) {
  nlohmann::ordered_json json = {
      {"fingerprint", entry.fingerprint}, {"ruleId", entry.rule_id}, {"path", entry.path}};
  if (!entry.subject.empty()) json["subject"] = entry.subject;
  if (!entry.reason.empty()) json["reason"] = entry.reason;
  return json;
}

std::vector<BaselineEntry> ApplyBaseline(const std::vector<BaselineEntry>& entries,
                                         const std::string& baseline_path,
                                         std::vector<Finding>& findings) {
  std::map<std::string, Finding*> by_fingerprint;
  for (Finding& finding : findings) by_fingerprint[finding.fingerprint] = &finding;
  std::vector<BaselineEntry> stale;
  for (const BaselineEntry& entry : entries) {
    const auto found = by_fingerprint.find(entry.fingerprint);
    if (found == by_fingerprint.end()) {
      stale.push_back(entry);
      continue;
    }
    Finding& finding = *found->second;
    if (finding.suppressed) continue;
    finding.suppressed = true;
    finding.suppression_kind = "baseline";
    finding.suppression_reason = entry.reason.empty() ? "in the baseline" : entry.reason;
    finding.suppression_path = baseline_path;
  }
  return stale;
}

}  // namespace kestra_lint
