// --format json: the versioned machine-readable output described by
// schemas/findings.schema.json.
#include <nlohmann/json.hpp>
#include <utility>

#include "base/source_text.h"
#include "report/report.h"

namespace kestra_lint {

void WriteJson(const Report& report, std::ostream& out) {
  const ScanResult& result = report.result;
  nlohmann::ordered_json json;
  json["schemaVersion"] = 1;
  json["tool"] = {{"name", "kestra-lint"}, {"version", ToolVersion()}};
  nlohmann::ordered_json packs = nlohmann::ordered_json::array();
  for (const RulePackInfo& pack : report.rules.packs) {
    packs.push_back({{"id", pack.id}, {"version", pack.version}, {"sha256", pack.sha256}});
  }
  json["rulePacks"] = std::move(packs);
  json["settings"] = {
      {"edition", EditionName(result.facts.edition)},
      {"editionSource", EditionSourceText(result.facts)},
      {"targetVersion", result.facts.target.ToString()},
      {"targetVersionSource", TargetSourceText(result.facts)},
      {"runningVersion", result.facts.running_version
                             ? nlohmann::ordered_json(result.facts.running_version->ToString())
                             : nlohmann::ordered_json(nullptr)},
      {"runningVersionSource", RunningVersionText(result.facts)},
      {"tenant", NullableString(result.facts.tenant)},
      {"tenantSource", TenantSourceText(result.facts)},
      {"fallbackTenant", NullableString(result.facts.fallback_tenant)},
  };
  if (result.scopes.size() > 1) {
    nlohmann::ordered_json scopes = nlohmann::ordered_json::array();
    for (const InstallationScope& scope : result.scopes) {
      scopes.push_back({{"root", scope.root},
                        {"edition", EditionName(scope.facts.edition)},
                        {"editionSource", EditionSourceText(scope.facts)},
                        {"tenant", NullableString(scope.facts.tenant)},
                        {"fallbackTenant", NullableString(scope.facts.fallback_tenant)}});
    }
    json["installations"] = std::move(scopes);
  }
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  size_t counts[3] = {0, 0, 0};
  size_t suppressed = 0;
  for (const Finding& finding : result.findings) {
    if (finding.suppressed)
      ++suppressed;
    else
      ++counts[static_cast<int>(finding.severity)];
    findings.push_back({
        {"ruleId", finding.rule_id},
        {"severity", SeverityName(finding.severity)},
        {"message", finding.message},
        {"suggestion", NullableString(finding.suggestion)},
        {"path", finding.path},
        {"line", finding.line},
        {"column", finding.column},
        {"endLine", finding.end_line},
        {"endColumn", finding.end_column},
        {"property", NullableString(finding.property)},
        {"uri", NullableString(finding.uri)},
        {"origin", NullableString(finding.origin)},
        {"since", NullableString(finding.since)},
        {"fingerprint", finding.fingerprint},
    });
    if (finding.suppressed) {
      findings.back()["suppressed"] = true;
      findings.back()["suppressionKind"] = finding.suppression_kind;
      findings.back()["suppressionReason"] = NullableString(finding.suppression_reason);
      findings.back()["suppressionSource"] = SuppressionSourceJson(finding);
    }
  }
  // Moved, not copied: the findings are most of the document.
  json["findings"] = std::move(findings);
  if (!result.baseline_path.empty()) {
    nlohmann::ordered_json stale = nlohmann::ordered_json::array();
    for (const BaselineEntry& entry : result.stale_baseline)
      stale.push_back(BaselineEntryJson(entry));
    json["baseline"] = {{"path", result.baseline_path}, {"staleEntries", stale}};
  }
  json["summary"] = {{"filesScanned", result.files.size()},
                     {"errors", counts[2]},
                     {"warnings", counts[1]},
                     {"infos", counts[0]},
                     {"suppressed", suppressed},
                     {"exitCode", report.exit_code}};
  out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace kestra_lint
