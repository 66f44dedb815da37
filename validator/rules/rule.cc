#include "rules/rule.h"

#include "base/source_text.h"

namespace kestra_lint {
bool Condition::Matches(const Facts& facts, const std::string* value) const {
  if (edition && *edition != facts.edition) return false;
  if (fallback_tenant && *fallback_tenant != facts.has_fallback_tenant) return false;
  if (tenantless_data && *tenantless_data != facts.tenantless_data) return false;
  if (basic_auth && *basic_auth != facts.basic_auth) return false;
  if (values) {
    if (value == nullptr) return false;
    const std::string wanted = AsciiLower(*value);
    bool any = false;
    for (const std::string& candidate : *values) any = any || AsciiLower(candidate) == wanted;
    if (!any) return false;
  }
  return true;
}

bool Rule::AppliesTo(const Facts& facts) const {
  // A change the installation already runs, or one after the target, is
  // not part of this upgrade.
  if (definition_.since && !InUpgradeRange(*definition_.since, facts) && !AlreadyIgnored(facts)) {
    return false;
  }
  if (definition_.until && facts.target >= *definition_.until) return false;
  if (definition_.edition != Edition::kUnknown && facts.edition != Edition::kUnknown &&
      facts.edition != definition_.edition) {
    return false;
  }
  return true;
}

bool Rule::AlreadyIgnored(const Facts& facts) const {
  return !definition_.already_ignored_message.empty() && definition_.since &&
         facts.running_version && !(*facts.running_version < *definition_.since);
}

std::string RenderTemplate(const std::string& text, const Substitutions& values) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string::npos) {
        const std::string name = text.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [key, value] : values) {
          if (key == name) {
            out += value;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

Finding Rule::MakeFinding(const ScannedFile& file, const Span& span, const Facts& facts,
                          const Substitutions& values, const std::string* value) const {
  Finding finding;
  finding.rule_id = definition_.id;
  finding.severity = definition_.severity;
  for (const Conditional<Severity>& option : definition_.severity_when) {
    if (option.when.Matches(facts, value)) {
      finding.severity = option.then;
      break;
    }
  }
  Substitutions all = values;
  all.emplace_back("tenant", facts.tenant.empty() ? "<tenant-id>" : facts.tenant);
  all.emplace_back("target", facts.target.ToString());
  std::string message = definition_.message;
  for (const Conditional<std::string>& option : definition_.message_when) {
    if (option.when.Matches(facts, value)) {
      message = option.then;
      break;
    }
  }
  finding.message = RenderTemplate(message, all);
  std::string suggestion = definition_.suggestion;
  for (const Conditional<std::string>& option : definition_.suggestions) {
    if (option.when.Matches(facts, value)) {
      suggestion = option.then;
      break;
    }
  }
  finding.suggestion = RenderTemplate(suggestion, all);
  if (AlreadyIgnored(facts)) {
    all.emplace_back("since", definition_.since->ToString());
    all.emplace_back("running", facts.running_version->ToString());
    finding.severity = Severity::kInfo;
    finding.message = RenderTemplate(definition_.already_ignored_message, all);
    finding.suggestion = RenderTemplate(definition_.already_ignored_suggestion, all);
  }
  finding.path = file.path;
  const Position begin = file.source.PositionAt(span.begin);
  const Position end = file.source.PositionAt(span.end > span.begin ? span.end : span.begin);
  finding.line = begin.line;
  finding.column = begin.column;
  finding.end_line = end.line;
  finding.end_column = end.column;
  finding.message = SanitizeUtf8(finding.message);
  finding.suggestion = SanitizeUtf8(finding.suggestion);
  finding.docs_url = definition_.docs;
  if (definition_.since) finding.since = definition_.since->ToString();
  return finding;
}

Finding Rule::ProblemFinding(const ScannedFile& file, const FileProblem& problem,
                             const Facts& facts) const {
  Finding finding = MakeFinding(file, problem.span, facts, {{"detail", problem.message}}, nullptr);
  finding.property = problem.subject;
  return finding;
}

}  // namespace kestra_lint
