// One fixed set of findings that every output format is written from in the
// golden and format tests: several files (one clean, one with a path that
// needs escaping), every severity, a fix, a suppressed finding, and text that
// holds markup, "]]>", '%', a control character, a line break and non-ASCII.
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "base/sha256.h"
#include "pipeline/scan.h"
#include "report/report.h"
#include "rules/rule_pack.h"
#include "test_support.h"

namespace kestra_lint::testing {

// Its own small pack, so the golden files do not change when the built-in
// packs do.
inline constexpr char kFixturePack[] = R"(id: fixture-pack
version: 2.1.0
title: Fixture pack
rules:
  - id: removed-default-tenant
    type: PropertySet
    title: kestra.ee.tenants.defaultTenant was removed in 0.23
    severity: error
    since: "0.23"
    properties: [kestra.ee.tenants.default-tenant]
    message: "'{written}' was removed"
    docs: https://kestra.io/docs/migration-guide/v0.23.0/tenant-migration-ee
  - id: fallback-tenant-temporary
    type: PropertySet
    title: kestra.ee.tenants.fallbackTenant is temporary
    severity: warning
    since: "0.23"
    edition: ee
    properties: [kestra.ee.tenants.fallback-tenant]
    message: "'{written}' is temporary"
    docs: https://kestra.io/docs/migration-guide/v0.23.0/tenant-migration-ee
  - id: api-uri-missing-tenant
    type: PropertySet
    title: Kestra API URI without the tenant segment
    severity: error
    since: "0.23"
    properties: [kestra.url]
    message: "{uri} has no tenant"
    docs: https://kestra.io/docs/migration-guide/v0.23.0/tenant-migration-oss
  - id: kafka-queues-recreated
    type: PropertySet
    title: Enterprise Kafka queues are recreated by the tenant migration
    severity: info
    properties: [kestra.queue.type]
    message: "queues are recreated"
  - id: yaml-syntax
    type: LoadProblem
    title: File that cannot be read or parsed
    severity: error
    message: "{detail}"
  - id: duplicate-key
    type: LoadProblem
    title: Key defined twice in the same mapping
    severity: warning
    message: "{detail}"
)";

inline Finding FixtureFinding(const std::string& rule_id, Severity severity,
                              const std::string& path, int line, int column, int end_line,
                              int end_column, const std::string& message) {
  Finding finding;
  finding.rule_id = rule_id;
  finding.severity = severity;
  finding.path = path;
  finding.line = line;
  finding.column = column;
  finding.end_line = end_line;
  finding.end_column = end_column;
  finding.message = message;
  return finding;
}

inline std::vector<Finding> FixtureFindings() {
  const std::string ee_docs = "https://kestra.io/docs/migration-guide/v0.23.0/tenant-migration-ee";
  std::vector<Finding> findings;

  Finding removed = FixtureFinding(
      "removed-default-tenant", Severity::kError, "config/application.yml", 4, 7, 4, 20,
      "'kestra.ee.tenants.defaultTenant' was removed in Kestra 0.23: the tenant-less default "
      "tenant is gone, and Kestra ignores this key without a warning");
  removed.suggestion =
      "Move the tenant-less data into a tenant: run 'kestra migrate default-tenant "
      "--tenant-id acme --tenant-name <name> --dry-run'";
  removed.property = "kestra.ee.tenants.default-tenant";
  removed.source_line = "      defaultTenant: true";
  removed.docs_url = ee_docs;
  findings.push_back(removed);

  Finding duplicate =
      FixtureFinding("duplicate-key", Severity::kWarning, "config/application.yml", 6, 5, 6, 13,
                     "key 'password' is defined twice (first at line 2)");
  duplicate.source_line = "    password: ****";
  duplicate.suppressed = true;
  duplicate.suppression_kind = "inline";
  duplicate.suppression_reason = "kept on purpose: <b>ops</b> ticket OPS-12 & \"review\"";
  duplicate.suppression_path = "config/application.yml";
  duplicate.suppression_line = 5;
  findings.push_back(duplicate);

  Finding fallback = FixtureFinding(
      "fallback-tenant-temporary", Severity::kWarning, "deploy/docker-compose.yml", 9, 11, 9, 25,
      "'kestra.ee.tenants.fallbackTenant' serves tenant-less API calls as tenant 'acme', and "
      "Kestra documents it as temporary: those calls break when it is removed");
  fallback.suggestion = "Move API clients to /api/v1/acme/... URLs, then delete this key";
  fallback.property = "kestra.ee.tenants.fallback-tenant";
  fallback.origin = "compose service kestra > KESTRA_CONFIGURATION";
  fallback.source_line = "          fallbackTenant: acme";
  fallback.docs_url = ee_docs;
  fallback.since = "0.23";
  findings.push_back(fallback);

  Finding kafka = FixtureFinding("kafka-queues-recreated", Severity::kInfo,
                                 "deploy/docker-compose.yml", 14, 9, 14, 13,
                                 "Kafka queues ('kestra.queue.type: kafka') are recreated after "
                                 "the 0.23 tenant migration in the Enterprise edition");
  kafka.property = "kestra.queue.type";
  kafka.origin = "compose service kestra > KESTRA_CONFIGURATION";
  kafka.source_line = "        type: kafka";
  findings.push_back(kafka);

  Finding uri =
      FixtureFinding("api-uri-missing-tenant", Severity::kWarning, "flows/caller.yml", 7, 11, 7, 51,
                     "http://kestra:8080/api/v1/executions/n/f has no tenant: it works "
                     "only through the temporary kestra.ee.tenants.fallbackTenant");
  uri.suggestion = "Use http://kestra:8080/api/v1/acme/executions/n/f";
  uri.uri = "http://kestra:8080/api/v1/executions/n/f";
  uri.source_line =
      "    uri: \"http://kestra:8080/api/v1/executions/n/f\" # <script>alert(1)</script>";
  uri.docs_url = "https://kestra.io/docs/migration-guide/v0.23.0/tenant-migration-oss";
  TextEdit insert_tenant;
  insert_tenant.begin = 131;
  insert_tenant.end = 131;
  insert_tenant.replacement = "acme/";
  insert_tenant.line = 7;
  insert_tenant.column = 37;
  insert_tenant.end_line = 7;
  insert_tenant.end_column = 37;
  uri.fix.push_back(insert_tenant);
  findings.push_back(uri);

  Finding syntax =
      FixtureFinding("yaml-syntax", Severity::kError, "odd dir/app,1:%.yml", 2, 3, 2, 4,
                     "illegal map value near 'x: <script>alert(\"1\")</script> ]]> 100%'\n"
                     "then \x01 caf\xC3\xA9, line\r\nend");
  syntax.source_line = "  x: <script>alert(\"1\")</script> ]]> 100% caf\xC3\xA9";
  findings.push_back(syntax);

  SortFindings(findings);
  AssignFingerprints(findings);
  // Whole lines are shown here, so the caret sits at the finding's column.
  for (Finding& finding : findings) {
    finding.source_caret_column = finding.column;
    finding.source_caret_width =
        finding.end_line == finding.line ? std::max(1, finding.end_column - finding.column) : 1;
  }
  return findings;
}

// The rule pack, the scan result and a report over them, as a run would have.
struct ReportFixture {
  RuleSet rules;
  ScanResult result;
  FailOn fail_on = FailOn::kError;

  ReportFixture() {
    LoadRulePack(kFixturePack, "fixture-pack.yaml", rules);
    result.facts.edition = Edition::kEe;
    result.facts.edition_source = EditionSource::kEvidence;
    result.facts.edition_evidence =
        "image kestra/kestra-ee:0.23.4 at deploy/docker-compose.yml:3:12";
    result.facts.target = Version{0, 23, 0};
    result.facts.target_source = TargetSource::kSetting;
    result.facts.tenant = "acme";
    result.facts.tenant_source = TenantSource::kSetting;
    result.facts.has_fallback_tenant = true;
    result.facts.fallback_tenant = "acme";
    result.facts.fallback_tenant_source = "deploy/docker-compose.yml:9:11";
    const std::vector<std::pair<std::string, FileKind>> files = {
        {"clean/values.yaml", FileKind::kHelmValues},
        {"config/application.yml", FileKind::kApplicationConfig},
        {"deploy/docker-compose.yml", FileKind::kCompose},
        {"flows/caller.yml", FileKind::kFlow},
        {"odd dir/app,1:%.yml", FileKind::kOtherYaml},
    };
    for (const auto& [path, kind] : files) {
      result.files.push_back({path, kind, Sha256Hex("contents of " + path), "", 0});
    }
    result.findings = FixtureFindings();
    result.baseline_path = "ci/kestra-lint-baseline.json";
    result.stale_baseline = {{"0123456789abcdef0123456789abcdef", "removed-tenants-enabled",
                              "config/application.yml", "kestra.ee.tenants.enabled",
                              "fixed in <OPS-3> & done"}};
  }

  Report report() const {
    return Report{result, rules, fail_on, false, ExitCodeFor(result, fail_on)};
  }
};

// Markup that must stay text wherever scanned files put it.
inline constexpr char kInjection[] =
    "<img src=x onerror=alert(1)><script>document.title='owned'</script>";

// The fixture with markup in a message, a source line and a file name, and a
// '|' in a message (a Markdown table cell separator).
inline ReportFixture InjectingFixture() {
  ReportFixture fixture;
  fixture.result.findings[0].message += kInjection;
  fixture.result.findings[0].source_line += kInjection;
  fixture.result.findings[2].message += " | not a new cell";
  fixture.result.files[0].path = "clean/<iframe src=x>.yaml";
  return fixture;
}

// Writes `formatter`'s output for the fixture.
inline std::string FixtureOutput(Formatter formatter) {
  const ReportFixture fixture;
  std::ostringstream out;
  formatter(fixture.report(), out);
  return out.str();
}

}  // namespace kestra_lint::testing
