// --format json: the versioned machine-readable output described by
// schemas/findings.schema.json.
#include "report/json_stream.h"
#include "report/report.h"

namespace kestra_lint {

namespace {

using Json = JsonStream::Json;

Json FindingJson(const Finding& finding) {
  Json json = {
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
  };
  if (finding.suppressed) {
    json["suppressed"] = true;
    json["suppressionKind"] = finding.suppression_kind;
    json["suppressionReason"] = NullableString(finding.suppression_reason);
    json["suppressionSource"] = SuppressionSourceJson(finding);
  }
  return json;
}

}  // namespace

// Streamed: the findings are most of the document, and each is serialised
// alone.
void WriteJson(const Report& report, std::ostream& out) {
  const ScanResult& result = report.result;
  JsonStream json(out);
  json.BeginObject();
  json.Member("schemaVersion", 1);
  json.Member("tool", {{"name", "kestra-lint"}, {"version", ToolVersion()}});
  Json packs = Json::array();
  for (const RulePackInfo& pack : report.rules.packs) {
    packs.push_back({{"id", pack.id}, {"version", pack.version}, {"sha256", pack.sha256}});
  }
  json.Member("rulePacks", packs);
  json.Member("settings",
              {
                  {"edition", EditionName(result.facts.edition)},
                  {"editionSource", EditionSourceText(result.facts)},
                  {"targetVersion", result.facts.target.ToString()},
                  {"targetVersionSource", TargetSourceText(result.facts)},
                  {"runningVersion", result.facts.running_version
                                         ? Json(result.facts.running_version->ToString())
                                         : Json(nullptr)},
                  {"runningVersionSource", RunningVersionText(result.facts)},
                  {"tenant", NullableString(result.facts.tenant)},
                  {"tenantSource", TenantSourceText(result.facts)},
                  {"fallbackTenant", NullableString(result.facts.fallback_tenant)},
              });
  if (result.scopes.size() > 1) {
    json.BeginArray("installations");
    for (const InstallationScope& scope : result.scopes) {
      json.Element({{"root", scope.root},
                    {"edition", EditionName(scope.facts.edition)},
                    {"editionSource", EditionSourceText(scope.facts)},
                    {"tenant", NullableString(scope.facts.tenant)},
                    {"fallbackTenant", NullableString(scope.facts.fallback_tenant)}});
    }
    json.End();
  }
  size_t counts[3] = {0, 0, 0};
  size_t suppressed = 0;
  json.BeginArray("findings");
  for (const Finding& finding : result.findings) {
    if (finding.suppressed)
      ++suppressed;
    else
      ++counts[static_cast<int>(finding.severity)];
    json.Element(FindingJson(finding));
  }
  json.End();
  if (!result.baseline_path.empty()) {
    Json stale = Json::array();
    for (const BaselineEntry& entry : result.stale_baseline)
      stale.push_back(BaselineEntryJson(entry));
    json.Member("baseline", {{"path", result.baseline_path}, {"staleEntries", stale}});
  }
  json.Member("summary", {{"filesScanned", result.files.size()},
                          {"errors", counts[2]},
                          {"warnings", counts[1]},
                          {"infos", counts[0]},
                          {"suppressed", suppressed},
                          {"exitCode", report.exit_code}});
  json.End();
}

}  // namespace kestra_lint
