#include "audit/audit.h"

#include <cctype>
#include <chrono>
#include <ctime>
#include <map>
#include <vector>

namespace kestra_lint {
namespace {

const char* FailOnName(FailOn fail_on) {
  switch (fail_on) {
    case FailOn::kError:
      return "error";
    case FailOn::kWarning:
      return "warning";
    case FailOn::kInfo:
      return "info";
    case FailOn::kNever:
      return "never";
  }
  return "error";
}

AuditJson FindingEntry(const Finding& finding) {
  return {
      {"line", finding.line},
      {"column", finding.column},
      {"endLine", finding.end_line},
      {"endColumn", finding.end_column},
      {"message", finding.message},
      {"suggestion", NullableString(finding.suggestion)},
      {"property", NullableString(finding.property)},
      {"uri", NullableString(finding.uri)},
      {"origin", NullableString(finding.origin)},
      {"since", NullableString(finding.since)},
      {"sourceLine", finding.source_line},
      {"fingerprint", finding.fingerprint},
  };
}

std::string RuleTitle(const RuleSet& rules, const std::string& id) {
  const Rule* rule = rules.Find(id);
  return rule != nullptr ? rule->definition().title : "";
}

// severity -> rule id -> path -> findings, each level sorted by its key.
using Grouped =
    std::map<Severity, std::map<std::string, std::map<std::string, std::vector<const Finding*>>>>;

AuditJson FindingGroups(const Grouped& grouped, const RuleSet& rules) {
  AuditJson groups = AuditJson::array();
  for (const Severity severity : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    AuditJson rule_groups = AuditJson::array();
    size_t severity_count = 0;
    const auto by_rule = grouped.find(severity);
    if (by_rule != grouped.end()) {
      for (const auto& [rule_id, by_path] : by_rule->second) {
        AuditJson files = AuditJson::array();
        size_t rule_count = 0;
        for (const auto& [path, findings] : by_path) {
          AuditJson entries = AuditJson::array();
          for (const Finding* finding : findings) entries.push_back(FindingEntry(*finding));
          rule_count += findings.size();
          files.push_back({{"path", path}, {"findings", entries}});
        }
        severity_count += rule_count;
        rule_groups.push_back({{"ruleId", rule_id},
                               {"title", RuleTitle(rules, rule_id)},
                               {"count", rule_count},
                               {"files", files}});
      }
    }
    groups.push_back(
        {{"severity", SeverityName(severity)}, {"count", severity_count}, {"rules", rule_groups}});
  }
  return groups;
}

}  // namespace

std::optional<AuditTime> AuditTimeFrom(const char* source_date_epoch) {
  if (source_date_epoch == nullptr) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return AuditTime{std::chrono::duration_cast<std::chrono::seconds>(now).count(), "clock"};
  }
  const std::string text = source_date_epoch;
  // Up to 12 digits: far beyond any real date, and no overflow.
  if (text.empty() || text.size() > 12) return std::nullopt;
  int64_t seconds = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  return AuditTime{seconds, "SOURCE_DATE_EPOCH"};
}

std::string Iso8601Utc(int64_t epoch_seconds) {
  const std::time_t time = static_cast<std::time_t>(epoch_seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

AuditJson BuildAudit(const Report& report, const AuditTime& time) {
  const ScanResult& result = report.result;
  const Facts& facts = result.facts;
  AuditJson audit;
  audit["schemaVersion"] = 1;
  audit["report"] = "kestra-lint audit";
  audit["generatedAt"] = Iso8601Utc(time.epoch_seconds);
  audit["generatedAtSource"] = time.source;
  audit["tool"] = {{"name", "kestra-lint"}, {"version", ToolVersion()}};

  AuditJson packs = AuditJson::array();
  for (const RulePackInfo& pack : report.rules.packs) {
    packs.push_back({{"id", pack.id},
                     {"version", pack.version},
                     {"title", pack.title},
                     {"sha256", pack.sha256},
                     {"source", pack.source}});
  }
  audit["rulePacks"] = packs;
  AuditJson rules = AuditJson::array();
  for (const auto& rule : report.rules.rules) {
    const RuleDefinition& definition = rule->definition();
    rules.push_back({{"id", definition.id},
                     {"pack", definition.pack},
                     {"severity", SeverityName(definition.severity)},
                     {"title", definition.title}});
  }
  audit["rules"] = rules;
  audit["settings"] = {
      {"edition", EditionName(facts.edition)},
      {"editionSource", EditionSourceText(facts)},
      {"targetVersion", facts.target.ToString()},
      {"targetVersionSource", TargetSourceText(facts)},
      {"tenant", NullableString(facts.tenant)},
      {"tenantSource", TenantSourceText(facts)},
      {"fallbackTenant", NullableString(facts.fallback_tenant)},
      {"fallbackTenantSource", NullableString(facts.fallback_tenant_source)},
      {"failOn", FailOnName(report.fail_on)},
  };

  Grouped grouped;
  std::map<std::string, std::pair<size_t, size_t>> per_file;  // path -> (findings, waived)
  AuditJson waived = AuditJson::array();
  size_t counts[3] = {0, 0, 0};
  size_t blocking = 0;
  for (const Finding& finding : result.findings) {
    if (finding.suppressed) {
      ++per_file[finding.path].second;
      waived.push_back({{"ruleId", finding.rule_id},
                        {"severity", SeverityName(finding.severity)},
                        {"path", finding.path},
                        {"line", finding.line},
                        {"column", finding.column},
                        {"message", finding.message},
                        {"sourceLine", finding.source_line},
                        {"kind", finding.suppression_kind},
                        {"justification", finding.suppression_reason},
                        {"fingerprint", finding.fingerprint},
                        {"source", SuppressionSourceJson(finding)}});
      continue;
    }
    ++per_file[finding.path].first;
    ++counts[static_cast<int>(finding.severity)];
    if (FailsOn(finding.severity, report.fail_on)) ++blocking;
    grouped[finding.severity][finding.rule_id][finding.path].push_back(&finding);
  }

  AuditJson files = AuditJson::array();
  for (const ScannedFileSummary& file : result.files) {
    const auto& [found, waived_here] = per_file[file.path];
    files.push_back({{"path", file.path},
                     {"kind", FileKindName(file.kind)},
                     {"sha256", file.sha256},
                     {"findings", found},
                     {"waived", waived_here}});
  }
  audit["files"] = files;
  audit["summary"] = {{"filesScanned", result.files.size()},
                      {"findings", counts[0] + counts[1] + counts[2]},
                      {"errors", counts[2]},
                      {"warnings", counts[1]},
                      {"infos", counts[0]},
                      {"waived", waived.size()}};
  audit["findings"] = FindingGroups(grouped, report.rules);
  audit["waived"] = waived;
  AuditJson stale = AuditJson::array();
  for (const BaselineEntry& entry : result.stale_baseline) {
    stale.push_back(BaselineEntryJson(entry));
    stale.back()["kind"] = "baseline";
    stale.back()["baseline"] = result.baseline_path;
  }
  // An inline waiver that waives nothing is reported by unused-suppression.
  for (const Finding& finding : result.findings) {
    if (finding.rule_id != "unused-suppression") continue;
    stale.push_back({{"fingerprint", finding.fingerprint},
                     {"ruleId", finding.property.empty() ? finding.rule_id : finding.property},
                     {"path", finding.path},
                     {"kind", "inline"},
                     {"line", finding.line},
                     {"reason", finding.message}});
  }
  audit["staleWaivers"] = stale;
  audit["verdict"] = {{"result", report.exit_code == 0 ? "pass" : "fail"},
                      {"failOn", FailOnName(report.fail_on)},
                      {"blockingFindings", blocking},
                      {"exitCode", report.exit_code}};
  return audit;
}

std::string AuditWaiverSource(const AuditJson& waived) {
  const AuditJson& source = waived["source"];
  if (waived["kind"] == "baseline") return "baseline " + source["path"].get<std::string>();
  return "inline comment at " + source["path"].get<std::string>() + ":" +
         std::to_string(source.value("line", 0));
}

std::string StaleWaiverSource(const AuditJson& stale) {
  if (stale.value("kind", "") == "inline") {
    return "inline comment at " + stale["path"].get<std::string>() + ":" +
           std::to_string(stale.value("line", 0));
  }
  return "baseline " + stale.value("baseline", std::string());
}

std::string SeverityHeading(const std::string& severity) {
  std::string heading = severity + "s";
  heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
  return heading;
}

std::string AuditJsonText(const AuditJson& audit) {
  return audit.dump(2, ' ', false, AuditJson::error_handler_t::replace) + "\n";
}

void WriteAuditJson(const AuditJson& audit, std::ostream& out) { out << AuditJsonText(audit); }

}  // namespace kestra_lint
