// The audit report as one self-contained HTML page: inline CSS, an inline SVG
// summary chart, no scripts and no external resources, so it can be archived
// and opened anywhere. Every value from the JSON report is escaped, so text
// from scanned files (a config value holding <script>) shows as text.
#include <algorithm>

#include "audit/audit.h"
#include "audit/audit_plan.h"
#include "base/markup_escape.h"
#include "base/sha256.h"

namespace kestra_lint {
namespace {

constexpr char kStyle[] =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1f2328}
h1{margin-bottom:.2em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%}th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f6f8fa}code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}td.source{min-width:18em}.hash{font-family:ui-monospace,monospace;font-size:.85em;word-break:break-all}
.verdict{display:inline-block;padding:.3em .8em;border-radius:.3em;font-weight:bold;color:#fff}
.pass{background:#1a7f37}.fail{background:#cf222e}
.error{color:#cf222e}.warning{color:#9a6700}.info{color:#0969da}.waived{color:#57606a}
.signoff td{height:2.2em}
@media print{body{max-width:none}h2{page-break-after:avoid}}
)";

std::string E(const AuditJson& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return EscapeMarkup(value.get<std::string>());
  return EscapeMarkup(value.dump());
}

// Horizontal bars, one per count, widths relative to the largest.
void WriteChart(const AuditJson& summary, std::ostream& out) {
  struct Bar {
    const char* label;
    const char* key;
    const char* color;
  };
  const Bar bars[] = {{"Errors", "errors", "#cf222e"},
                      {"Warnings", "warnings", "#bf8700"},
                      {"Infos", "infos", "#0969da"},
                      {"Waived", "waived", "#8c959f"}};
  size_t largest = 1;
  for (const Bar& bar : bars) largest = std::max(largest, summary[bar.key].get<size_t>());
  constexpr int kWidth = 320;
  out << "<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"460\" height=\"128\" "
         "viewBox=\"0 0 460 128\" role=\"img\" aria-label=\"Findings by severity\">\n";
  int y = 4;
  for (const Bar& bar : bars) {
    const size_t count = summary[bar.key].get<size_t>();
    const size_t width = count * kWidth / largest;
    out << "<text x=\"0\" y=\"" << y + 17 << "\" font-size=\"14\">" << bar.label << "</text>"
        << "<rect x=\"80\" y=\"" << y << "\" width=\"" << width << "\" height=\"24\" fill=\""
        << bar.color << "\"><title>" << bar.label << ": " << count << "</title></rect>"
        << "<text x=\"" << 86 + width << "\" y=\"" << y + 17 << "\" font-size=\"14\">" << count
        << "</text>\n";
    y += 31;
  }
  out << "</svg>\n";
}

void WriteRow(std::ostream& out, const std::string& header, const std::string& html) {
  out << "<tr><th>" << header << "</th><td>" << html << "</td></tr>\n";
}

void WriteRunSection(const AuditJson& audit, std::ostream& out) {
  const AuditJson& settings = audit["settings"];
  out << "<section id=\"run\">\n<h2>What was checked</h2>\n<table>\n";
  WriteRow(out, "Tool", E(audit["tool"]["name"]) + " " + E(audit["tool"]["version"]));
  WriteRow(out, "Generated at",
           E(audit["generatedAt"]) + " (from " + E(audit["generatedAtSource"]) + ")");
  WriteRow(out, "Edition", E(settings["edition"]) + " (" + E(settings["editionSource"]) + ")");
  WriteRow(out, "Target Kestra version",
           E(settings["targetVersion"]) + " (" + E(settings["targetVersionSource"]) + ")");
  WriteRow(out, "Tenant for suggestions",
           settings["tenant"].is_null()
               ? "none"
               : E(settings["tenant"]) + " (" + E(settings["tenantSource"]) + ")");
  WriteRow(out, "Fallback tenant",
           settings["fallbackTenant"].is_null()
               ? "none"
               : E(settings["fallbackTenant"]) + " (" + E(settings["fallbackTenantSource"]) + ")");
  WriteRow(out, "Fail on", E(settings["failOn"]));
  out << "</table>\n<h3>Rule packs</h3>\n<table>\n<tr><th>Pack</th><th>Version</th><th>Source</th>"
         "<th>SHA-256</th></tr>\n";
  for (const AuditJson& pack : audit["rulePacks"]) {
    out << "<tr class=\"rule-pack\"><td>" << E(pack["id"]) << "<br>" << E(pack["title"])
        << "</td><td>" << E(pack["version"]) << "</td><td>" << E(pack["source"])
        << "</td><td class=\"hash\">" << E(pack["sha256"]) << "</td></tr>\n";
  }
  out << "</table>\n<h3>Rules in force (" << audit["rules"].size()
      << ")</h3>\n<table>\n<tr><th>Rule</th><th>Severity</th><th>Pack</th><th>Title</th></tr>\n";
  for (const AuditJson& rule : audit["rules"]) {
    out << "<tr class=\"rule\"><td><code>" << E(rule["id"]) << "</code></td><td>"
        << E(rule["severity"]) << "</td><td>" << E(rule["pack"]) << "</td><td>" << E(rule["title"])
        << "</td></tr>\n";
  }
  out << "</table>\n</section>\n";
}

void WriteFilesSection(const AuditJson& audit, std::ostream& out) {
  out << "<section id=\"files\">\n<h2>Files scanned (" << audit["files"].size()
      << ")</h2>\n<table>\n<tr><th>File</th><th>Kind</th><th>SHA-256</th><th>Findings</th>"
         "<th>Waived</th></tr>\n";
  for (const AuditJson& file : audit["files"]) {
    out << "<tr class=\"file\"><td>" << E(file["path"]) << "</td><td>" << E(file["kind"])
        << "</td><td class=\"hash\">" << E(file["sha256"]) << "</td><td>" << E(file["findings"])
        << "</td><td>" << E(file["waived"]) << "</td></tr>\n";
  }
  out << "</table>\n</section>\n";
}

void WriteFindingRow(const std::string& severity, const AuditJson& finding, std::ostream& out) {
  out << "<tr class=\"finding\" data-severity=\"" << E(severity) << "\"><td>" << E(finding["line"])
      << ":" << E(finding["column"]) << "</td><td>" << E(finding["message"]);
  if (!finding["suggestion"].is_null()) {
    out << "<br><strong>Suggestion:</strong> " << E(finding["suggestion"]);
  }
  if (!finding["origin"].is_null()) out << "<br><strong>Origin:</strong> " << E(finding["origin"]);
  out << "</td><td class=\"source\"><pre><code>" << E(finding["sourceLine"])
      << "</code></pre></td><td class=\"hash\">" << E(finding["fingerprint"]) << "</td></tr>\n";
}

void WriteFindingsSection(const AuditJson& audit, std::ostream& out) {
  out << "<section id=\"findings\">\n<h2>Findings (" << E(audit["summary"]["findings"])
      << ")</h2>\n";
  for (const AuditJson& group : audit["findings"]) {
    const std::string severity = group["severity"].get<std::string>();
    out << "<h3 class=\"" << E(severity) << "\">" << SeverityHeading(severity) << " ("
        << E(group["count"]) << ")</h3>\n";
    if (group["count"] == 0) out << "<p>None.</p>\n";
    for (const AuditJson& rule : group["rules"]) {
      out << "<h4><code>" << E(rule["ruleId"]) << "</code> " << E(rule["title"]) << " ("
          << E(rule["count"]) << ")</h4>\n";
      for (const AuditJson& file : rule["files"]) {
        out << "<p><strong>" << E(file["path"])
            << "</strong></p>\n<table>\n<tr><th>Line:Col</th>"
               "<th>Finding</th><th>Source line</th><th>Fingerprint</th></tr>\n";
        for (const AuditJson& finding : file["findings"]) WriteFindingRow(severity, finding, out);
        out << "</table>\n";
      }
    }
  }
  out << "</section>\n";
}

void WriteWaivedSection(const AuditJson& audit, std::ostream& out) {
  out << "<section id=\"waived\">\n<h2>Waived findings (" << audit["waived"].size() << ")</h2>\n";
  if (audit["waived"].empty()) {
    out << "<p>None.</p>\n</section>\n";
    return;
  }
  out << "<table>\n<tr><th>Rule</th><th>Severity</th><th>Where</th><th>Finding</th>"
         "<th>Waiver</th><th>Justification</th></tr>\n";
  for (const AuditJson& waived : audit["waived"]) {
    out << "<tr class=\"waived-finding\"><td><code>" << E(waived["ruleId"]) << "</code></td><td>"
        << E(waived["severity"]) << "</td><td>" << E(waived["path"]) << ":" << E(waived["line"])
        << ":" << E(waived["column"]) << "</td><td>" << E(waived["message"]) << "<pre><code>"
        << E(waived["sourceLine"]) << "</code></pre></td><td>" << E(AuditWaiverSource(waived))
        << "</td><td>" << E(waived["justification"]) << "</td></tr>\n";
  }
  out << "</table>\n</section>\n";
}

void WriteStaleWaiversSection(const AuditJson& audit, std::ostream& out) {
  const AuditJson& stale = audit["staleWaivers"];
  out << "<section id=\"stale-waivers\">\n<h2>Waivers that no longer match (" << stale.size()
      << ")</h2>\n";
  if (stale.empty()) {
    out << "<p>None.</p>\n</section>\n";
    return;
  }
  out << "<p>Waivers that match no finding any more: delete the inline comments, and shrink "
         "the baseline with <code>--write-baseline</code>.</p>\n<table>\n<tr><th>Rule</th>"
         "<th>File</th><th>Subject</th><th>Reason</th><th>Waiver</th><th>Fingerprint</th></tr>\n";
  for (const AuditJson& entry : stale) {
    out << "<tr class=\"stale-waiver\"><td><code>" << E(entry["ruleId"]) << "</code></td><td>"
        << E(entry["path"]) << "</td><td>" << E(entry.value("subject", "")) << "</td><td>"
        << E(entry.value("reason", "")) << "</td><td>" << E(StaleWaiverSource(entry))
        << "</td><td class=\"hash\">" << E(entry["fingerprint"]) << "</td></tr>\n";
  }
  out << "</table>\n</section>\n";
}

}  // namespace

void WriteAuditHtml(const AuditJson& audit, std::ostream& out) {
  const AuditJson& verdict = audit["verdict"];
  const AuditJson& summary = audit["summary"];
  const bool pass = verdict["result"] == "pass";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>kestra-lint audit: "
      << (pass ? "PASS" : "FAIL") << "</title>\n<style>\n"
      << kStyle << "</style>\n</head>\n<body>\n";
  out << "<header>\n<h1>kestra-lint audit report</h1>\n<p><span id=\"verdict\" class=\"verdict "
      << (pass ? "pass\">PASS" : "fail\">FAIL") << "</span> " << E(verdict["blockingFindings"])
      << " finding(s) at or above --fail-on " << E(verdict["failOn"]) << "; exit code "
      << E(verdict["exitCode"]) << ".</p>\n</header>\n";

  out << "<section id=\"summary\">\n<h2>Summary</h2>\n";
  WriteChart(summary, out);
  out << "<table>\n<tr><th>Files scanned</th><th class=\"error\">Errors</th>"
         "<th class=\"warning\">Warnings</th><th class=\"info\">Infos</th>"
         "<th class=\"waived\">Waived</th></tr>\n<tr><td id=\"count-files\">"
      << E(summary["filesScanned"]) << "</td><td id=\"count-errors\">" << E(summary["errors"])
      << "</td><td id=\"count-warnings\">" << E(summary["warnings"])
      << "</td><td id=\"count-infos\">" << E(summary["infos"]) << "</td><td id=\"count-waived\">"
      << E(summary["waived"]) << "</td></tr>\n</table>\n</section>\n";

  WriteRunSection(audit, out);
  WriteFilesSection(audit, out);
  WriteFindingsSection(audit, out);
  WriteAuditPlansHtml(audit, out);
  WriteWaivedSection(audit, out);
  WriteStaleWaiversSection(audit, out);

  out << "<section id=\"sign-off\">\n<h2>Sign-off</h2>\n<p>SHA-256 of the JSON report "
         "(kestra-lint audit --json): <span id=\"json-sha256\" class=\"hash\">"
      << Sha256Hex(AuditJsonText(audit))
      << "</span></p>\n<table class=\"signoff\">\n<tr><th>Reviewed by</th><td></td></tr>\n"
         "<tr><th>Date</th><td></td></tr>\n<tr><th>Signature</th><td></td></tr>\n</table>\n"
         "</section>\n</body>\n</html>\n";
}

}  // namespace kestra_lint
