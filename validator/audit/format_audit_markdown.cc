// The audit report as GitHub/GitLab-flavoured Markdown, for merge-request
// comments. Text from scanned files is escaped: '<', '>' and '&' as entities
// (both hosts render inline HTML), Markdown punctuation with a backslash, line
// breaks as spaces (a table row is one line), so it always shows as text.
#include "audit/audit.h"
#include "audit/audit_plan.h"
#include "base/sha256.h"
#include "base/source_text.h"

namespace kestra_lint {
namespace {

std::string EscapeMarkdown(const std::string& raw) {
  const std::string text = SanitizeUtf8(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;
        out += ' ';
        break;
      case '\n':
      case '\t':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '(':
      case ')':
      case '{':
      case '}':
      case '#':
      case '|':
      case '~':
      case '!':
      case '+':
        out += '\\';
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += "\xEF\xBF\xBD";
        else
          out += c;
    }
  }
  return out;
}

std::string M(const AuditJson& value) {
  if (value.is_null()) return "";
  return EscapeMarkdown(value.is_string() ? value.get<std::string>() : value.dump());
}

// A source line as inline code that still escapes like text (HTML, so the
// backslash escapes and entities work inside it).
std::string SourceCode(const AuditJson& line) {
  return line.get<std::string>().empty() ? "" : "<code>" + M(line) + "</code>";
}

void WriteSettings(const AuditJson& audit, std::ostream& out) {
  const AuditJson& settings = audit["settings"];
  out << "### What was checked\n\n| Setting | Value |\n| --- | --- |\n"
      << "| Tool | " << M(audit["tool"]["name"]) << " " << M(audit["tool"]["version"]) << " |\n"
      << "| Generated at | " << M(audit["generatedAt"]) << " (from "
      << M(audit["generatedAtSource"]) << ") |\n"
      << "| Edition | " << M(settings["edition"]) << " (" << M(settings["editionSource"]) << ") |\n"
      << "| Target Kestra version | " << M(settings["targetVersion"]) << " ("
      << M(settings["targetVersionSource"]) << ") |\n"
      << "| Tenant for suggestions | "
      << (settings["tenant"].is_null()
              ? "none"
              : M(settings["tenant"]) + " (" + M(settings["tenantSource"]) + ")")
      << " |\n| Fallback tenant | "
      << (settings["fallbackTenant"].is_null()
              ? "none"
              : M(settings["fallbackTenant"]) + " (" + M(settings["fallbackTenantSource"]) + ")")
      << " |\n| Fail on | " << M(settings["failOn"]) << " |\n\n"
      << "| Rule pack | Version | Source | SHA-256 |\n| --- | --- | --- | --- |\n";
  for (const AuditJson& pack : audit["rulePacks"]) {
    out << "| " << M(pack["id"]) << " | " << M(pack["version"]) << " | " << M(pack["source"])
        << " | " << M(pack["sha256"]) << " |\n";
  }
  out << "\n";
}

void WriteFindings(const AuditJson& audit, std::ostream& out) {
  out << "### Findings (" << M(audit["summary"]["findings"]) << ")\n\n";
  for (const AuditJson& group : audit["findings"]) {
    if (group["count"] == 0) continue;
    out << "#### " << SeverityHeading(group["severity"].get<std::string>()) << " ("
        << M(group["count"]) << ")\n\n";
    for (const AuditJson& rule : group["rules"]) {
      out << "**" << M(rule["ruleId"]) << "**: " << M(rule["title"]) << " (" << M(rule["count"])
          << ")\n\n| File | Line:Col | Finding | Source line |\n| --- | --- | --- | --- |\n";
      for (const AuditJson& file : rule["files"]) {
        for (const AuditJson& finding : file["findings"]) {
          out << "| " << M(file["path"]) << " | " << M(finding["line"]) << ":"
              << M(finding["column"]) << " | " << M(finding["message"]);
          if (!finding["suggestion"].is_null()) {
            out << "<br>**Suggestion:** " << M(finding["suggestion"]);
          }
          out << " | " << SourceCode(finding["sourceLine"]) << " |\n";
        }
      }
      out << "\n";
    }
  }
}

void WriteWaived(const AuditJson& audit, std::ostream& out) {
  out << "### Waived findings (" << audit["waived"].size() << ")\n\n";
  if (audit["waived"].empty()) {
    out << "None.\n\n";
    return;
  }
  out << "| Rule | Where | Finding | Waiver | Justification |\n| --- | --- | --- | --- | --- |\n";
  for (const AuditJson& waived : audit["waived"]) {
    out << "| " << M(waived["ruleId"]) << " (" << M(waived["severity"]) << ") | "
        << M(waived["path"]) << ":" << M(waived["line"]) << ":" << M(waived["column"]) << " | "
        << M(waived["message"]) << " | " << M(AuditWaiverSource(waived)) << " | "
        << M(waived["justification"]) << " |\n";
  }
  out << "\n";
}

void WriteStaleWaivers(const AuditJson& audit, std::ostream& out) {
  const AuditJson& stale = audit["staleWaivers"];
  out << "### Waivers that no longer match (" << stale.size() << ")\n\n";
  if (stale.empty()) {
    out << "None.\n\n";
    return;
  }
  out << "Waivers that match no finding any more: delete the inline comments, and shrink the "
         "baseline with `--write-baseline`.\n\n| Rule | File | Subject | Reason | Waiver |\n"
         "| --- | --- | --- | --- | --- |\n";
  for (const AuditJson& entry : stale) {
    out << "| " << M(entry["ruleId"]) << " | " << M(entry["path"]) << " | "
        << M(entry.value("subject", "")) << " | " << M(entry.value("reason", "")) << " | "
        << M(StaleWaiverSource(entry)) << " |\n";
  }
  out << "\n";
}

void WriteFiles(const AuditJson& audit, std::ostream& out) {
  out << "<details><summary>Files scanned (" << audit["files"].size()
      << ")</summary>\n\n| File | Kind | SHA-256 | Findings | Waived |\n"
         "| --- | --- | --- | --- | --- |\n";
  for (const AuditJson& file : audit["files"]) {
    out << "| " << M(file["path"]) << " | " << M(file["kind"]) << " | " << M(file["sha256"])
        << " | " << M(file["findings"]) << " | " << M(file["waived"]) << " |\n";
  }
  out << "\n</details>\n\n";
}

}  // namespace

void WriteAuditMarkdown(const AuditJson& audit, std::ostream& out) {
  const AuditJson& verdict = audit["verdict"];
  const AuditJson& summary = audit["summary"];
  out << "## kestra-lint audit: " << (verdict["result"] == "pass" ? "PASS" : "FAIL") << "\n\n"
      << M(verdict["blockingFindings"]) << " finding(s) at or above --fail-on "
      << M(verdict["failOn"]) << "; exit code " << M(verdict["exitCode"]) << ".\n\n"
      << "| Files scanned | Errors | Warnings | Infos | Waived |\n| --- | --- | --- | --- | --- "
         "|\n| "
      << M(summary["filesScanned"]) << " | " << M(summary["errors"]) << " | "
      << M(summary["warnings"]) << " | " << M(summary["infos"]) << " | " << M(summary["waived"])
      << " |\n\n";
  WriteSettings(audit, out);
  WriteFindings(audit, out);
  WriteAuditPlansMarkdown(audit, out);
  WriteWaived(audit, out);
  WriteStaleWaivers(audit, out);
  WriteFiles(audit, out);
  out << "SHA-256 of the JSON report: " << Sha256Hex(AuditJsonText(audit)) << "\n";
}

}  // namespace kestra_lint
