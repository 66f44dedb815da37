// `kestra-lint audit`: a report that proves what was checked (tool version,
// rule packs with SHA-256, settings and how they were decided, every file with
// its SHA-256), what was found (grouped by severity, rule and file), what was
// waived and why, and the verdict against --fail-on. Built once as JSON
// (schemas/audit.schema.json); the HTML and Markdown renderings are written
// from that JSON, so all three say the same.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "report/report.h"

namespace kestra_lint {

// When the report was made: SOURCE_DATE_EPOCH when set (reproducible
// reports), else the clock.
struct AuditTime {
  int64_t epoch_seconds = 0;
  std::string source;  // "SOURCE_DATE_EPOCH" or "clock"
};

// The time for `source_date_epoch` (the variable's value, or null when
// unset); nullopt when the value is not a whole number of seconds >= 0.
std::optional<AuditTime> AuditTimeFrom(const char* source_date_epoch);

// "2026-11-28T08:00:00Z".
std::string Iso8601Utc(int64_t epoch_seconds);

using AuditJson = nlohmann::ordered_json;

// How a waived finding was waived, for people: "inline comment at app.yml:3"
// or "baseline ci/baseline.json".
std::string AuditWaiverSource(const AuditJson& waived);

// Where a waiver that matches nothing is written, for people: "inline
// comment at app.yml:3" or "baseline ci/baseline.json".
std::string StaleWaiverSource(const AuditJson& stale);

// "error" -> "Errors": the heading of a severity group.
std::string SeverityHeading(const std::string& severity);

AuditJson BuildAudit(const Report& report, const AuditTime& time);

// The JSON report's exact bytes; the HTML and Markdown renderings show their
// SHA-256, so a sign-off on one covers the others.
std::string AuditJsonText(const AuditJson& audit);

void WriteAuditJson(const AuditJson& audit, std::ostream& out);
void WriteAuditHtml(const AuditJson& audit, std::ostream& out);
void WriteAuditMarkdown(const AuditJson& audit, std::ostream& out);

}  // namespace kestra_lint
