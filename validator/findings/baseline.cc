#include "findings/baseline.h"

#include <map>
#include <nlohmann/json.hpp>

#include "base/embedded_files.h"
#include "base/json_depth.h"
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

namespace {

// A baseline holds three levels; real JSON never needs this many, and the
// schema validator recurses once per level.
constexpr size_t kMaxBaselineDepth = 32;

// Builds the document like nlohmann's own parser, but keeps the offset of
// the first error (a number out of range included, which the plain parser
// throws without one) and refuses deep nesting.
class BoundedSax {
 public:
  explicit BoundedSax(nlohmann::json& root) : dom_(root, false) {}

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(nlohmann::json::number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(nlohmann::json::number_unsigned_t value) {
    return dom_.number_unsigned(value);
  }
  bool number_float(nlohmann::json::number_float_t value, const std::string& text) {
    return dom_.number_float(value, text);
  }
  bool string(std::string& value) { return dom_.string(value); }
  bool binary(nlohmann::json::binary_t& value) { return dom_.binary(value); }
  bool start_object(std::size_t size) { return Open() && dom_.start_object(size); }
  bool key(std::string& value) { return dom_.key(value); }
  bool end_object() { return Close() && dom_.end_object(); }
  bool start_array(std::size_t size) { return Open() && dom_.start_array(size); }
  bool end_array() { return Close() && dom_.end_array(); }
  // `position` counts the bytes read, the failing one last.
  bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception&) {
    error_offset_ = position > 0 ? position - 1 : 0;
    return false;
  }

  size_t error_offset() const { return error_offset_; }
  bool too_deep() const { return too_deep_; }

 private:
  bool Open() {
    if (++depth_ <= kMaxBaselineDepth) return true;
    too_deep_ = true;
    return false;
  }
  bool Close() {
    --depth_;
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<nlohmann::json> dom_;
  size_t depth_ = 0;
  size_t error_offset_ = 0;
  bool too_deep_ = false;
};

}  // namespace

std::vector<BaselineEntry> ParseBaseline(const std::string& text, const std::string& source) {
  auto error_at = [&](size_t offset, const std::string& message) {
    const Position at = SourceText(text).PositionAt(offset);
    return BaselineError(source + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                         ": " + message);
  };
  nlohmann::json json;
  BoundedSax sax(json);
  if (!nlohmann::json::sax_parse(text, &sax, nlohmann::json::input_format_t::json, false)) {
    if (sax.too_deep()) {
      throw error_at(FirstOpeningDeeperThan(text, kMaxBaselineDepth),
                     "nested deeper than a baseline can be (" + std::to_string(kMaxBaselineDepth) +
                         " levels)");
    }
    throw error_at(sax.error_offset(), "not valid JSON");
  }
  // Say nothing of the content of a file that is no baseline at all: it may
  // be any file a setting names.
  if (!json.is_object() || !json.contains("findings")) {
    throw BaselineError(source + ": not a kestra-lint baseline (no top-level \"findings\" list)");
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
