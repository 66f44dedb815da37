// --format sarif: SARIF 2.1.0 as GitHub code scanning reads it. One run;
// tool.driver.rules lists every loaded rule (descriptions, helpUri, default
// level); each result points at a 1-based region whose columns count code
// points (columnKind unicodeCodePoints), carries the finding's fingerprint in
// partialFingerprints (no line numbers in it, so it survives edits above),
// its certain fix in `fixes` and its waiver in `suppressions`; the scanned
// files are `artifacts` with their SHA-256; `invocations` has the exit code.
// Levels: error -> error, warning -> warning, info -> note.
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "base/secrets.h"
#include "report/json_stream.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

using Json = JsonStream::Json;

const char* Level(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "error";
}

// A path as a URI reference: relative paths stay relative (to the directory
// the tool ran in, which is the repository root in CI); absolute paths become
// file:// URIs. Everything but unreserved characters and '/' is
// percent-encoded, so a ':' in a file name cannot pass for a scheme.
std::string PathUri(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string uri = !path.empty() && path[0] == '/' ? "file://" : "";
  for (const char c : path) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0xF];
    }
  }
  return uri;
}

// "removed-default-tenant" -> "RemovedDefaultTenant", the rule's SARIF name.
std::string PascalCase(const std::string& id) {
  std::string name;
  bool upper = true;
  for (const char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return name;
}

std::string Sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

std::string FullDescription(const RuleDefinition& rule) {
  std::string text = Sentence(rule.title);
  if (rule.since) text += " Applies to Kestra " + rule.since->ToString() + " and later";
  if (rule.edition != Edition::kUnknown) {
    text += rule.since ? ", in the " : " Applies to the ";
    text += rule.edition == Edition::kEe ? "Enterprise edition" : "open-source edition";
  }
  if (rule.since || rule.edition != Edition::kUnknown) text += ".";
  return text;
}

Json RuleDescriptor(const RuleDefinition& rule) {
  Json descriptor = {
      {"id", rule.id},
      {"name", PascalCase(rule.id)},
      {"shortDescription", {{"text", Sentence(rule.title)}}},
      {"fullDescription", {{"text", FullDescription(rule)}}},
  };
  std::string help = FullDescription(rule) + " Details: 'kestra-lint explain " + rule.id + "'";
  if (!rule.docs.empty()) {
    descriptor["helpUri"] = rule.docs;
    help += "; Kestra's documentation: " + rule.docs;
  }
  descriptor["help"] = {{"text", help}};
  descriptor["defaultConfiguration"] = {{"level", Level(rule.severity)}};
  descriptor["properties"] = {{"tags", {"kestra", "upgrade", rule.pack}}};
  return descriptor;
}

Json Region(int line, int column, int end_line, int end_column) {
  return {{"startLine", line},
          {"startColumn", column},
          {"endLine", end_line},
          {"endColumn", end_column}};
}

Json ArtifactLocation(const std::string& path, const std::map<std::string, size_t>& artifacts) {
  Json location = {{"uri", PathUri(path)}};
  const auto artifact = artifacts.find(path);
  if (artifact != artifacts.end()) location["index"] = artifact->second;
  return location;
}

// A fix whose new text holds a secret (a rewritten JAVA_OPTS keeping a
// -Dpassword) is left out: SARIF would print it, and a masked fix would break
// the file. `kestra-lint fix` still applies it.
bool FixQuotesASecret(const Finding& finding) {
  for (const TextEdit& edit : finding.fix) {
    if (RedactText(edit.replacement) != edit.replacement) return true;
  }
  return false;
}

Json Fixes(const Finding& finding, const std::map<std::string, size_t>& artifacts) {
  Json replacements = Json::array();
  for (const TextEdit& edit : finding.fix) {
    replacements.push_back(
        {{"deletedRegion", Region(edit.line, edit.column, edit.end_line, edit.end_column)},
         {"insertedContent", {{"text", edit.replacement}}}});
  }
  const std::string description = finding.suggestion.empty() ? "Apply the fix" : finding.suggestion;
  return Json::array(
      {{{"description", {{"text", Sentence(description)}}},
        {"artifactChanges",
         Json::array({{{"artifactLocation", ArtifactLocation(finding.path, artifacts)},
                       {"replacements", replacements}}})}}});
}

// The waiver and where it is written: the comment's line, or the baseline file.
Json Suppressions(const Finding& finding, const std::map<std::string, size_t>& artifacts) {
  Json suppression = {{"kind", finding.suppression_kind == "baseline" ? "external" : "inSource"},
                      {"status", "accepted"}};
  if (!finding.suppression_reason.empty())
    suppression["justification"] = finding.suppression_reason;
  Json physical = {{"artifactLocation", ArtifactLocation(finding.suppression_path, artifacts)}};
  if (finding.suppression_line > 0) physical["region"] = {{"startLine", finding.suppression_line}};
  suppression["location"] = {{"physicalLocation", physical}};
  return Json::array({suppression});
}

Json Result(const Finding& finding, size_t rule_index,
            const std::map<std::string, size_t>& artifacts) {
  std::string text = Sentence(finding.message);
  if (!finding.suggestion.empty()) text += "\nSuggestion: " + Sentence(finding.suggestion);
  Json physical = {
      {"artifactLocation", ArtifactLocation(finding.path, artifacts)},
      {"region", Region(finding.line, finding.column, finding.end_line, finding.end_column)},
  };
  if (!finding.source_line.empty() && finding.end_line == finding.line) {
    physical["contextRegion"] = {{"startLine", finding.line},
                                 {"snippet", {{"text", finding.source_line}}}};
  }
  Json result = {
      {"ruleId", finding.rule_id},
      {"ruleIndex", rule_index},
      {"level", Level(finding.severity)},
      {"message", {{"text", text}}},
      {"locations", Json::array({{{"physicalLocation", physical}}})},
      {"partialFingerprints", {{"kestraLintFingerprint/v1", finding.fingerprint}}},
  };
  if (!finding.fix.empty() && !FixQuotesASecret(finding)) {
    result["fixes"] = Fixes(finding, artifacts);
  }
  if (finding.suppressed) result["suppressions"] = Suppressions(finding, artifacts);
  Json properties = Json::object();
  if (!finding.property.empty()) properties["property"] = finding.property;
  if (!finding.uri.empty()) properties["uri"] = finding.uri;
  if (!finding.origin.empty()) properties["origin"] = finding.origin;
  if (!finding.since.empty()) properties["since"] = finding.since;
  if (!properties.empty()) result["properties"] = properties;
  return result;
}

}  // namespace

// Streamed: artifacts and results are written one at a time.
void WriteSarif(const Report& report, std::ostream& out) {
  Json rules = Json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& rule : report.rules.rules) {
    rule_index.emplace(rule->id(), rules.size());
    rules.push_back(RuleDescriptor(rule->definition()));
  }
  // A finding of a rule no pack defines still needs a descriptor to point at.
  for (const Finding& finding : report.result.findings) {
    if (rule_index.emplace(finding.rule_id, rules.size()).second) {
      rules.push_back({{"id", finding.rule_id}, {"name", PascalCase(finding.rule_id)}});
    }
  }
  const Json driver = {
      {"name", "kestra-lint"},
      {"version", ToolVersion()},
      {"semanticVersion", ToolVersion()},
      {"rules", std::move(rules)},
  };

  JsonStream sarif(out);
  sarif.BeginObject();
  sarif.Member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  sarif.Member("version", "2.1.0");
  sarif.BeginArray("runs");
  sarif.BeginObject();
  sarif.Member("tool", {{"driver", driver}});
  sarif.Member("invocations",
               Json::array({{{"executionSuccessful", true}, {"exitCode", report.exit_code}}}));
  std::map<std::string, size_t> artifact_index;
  sarif.BeginArray("artifacts");
  for (const ScannedFileSummary& file : report.result.files) {
    if (!artifact_index.emplace(file.path, artifact_index.size()).second) continue;
    sarif.Element(
        {{"location", {{"uri", PathUri(file.path)}}}, {"hashes", {{"sha-256", file.sha256}}}});
  }
  sarif.End();
  sarif.BeginArray("results");
  for (const Finding& finding : report.result.findings) {
    sarif.Element(Result(finding, rule_index.at(finding.rule_id), artifact_index));
  }
  sarif.End();
  sarif.Member("columnKind", "unicodeCodePoints");
  // Baseline entries that no longer match are no result; the run's property
  // bag lists them, so that the baseline can shrink.
  if (!report.result.baseline_path.empty()) {
    Json stale = Json::array();
    for (const BaselineEntry& entry : report.result.stale_baseline) {
      stale.push_back(BaselineEntryJson(entry));
    }
    sarif.Member("properties",
                 {{"baseline", report.result.baseline_path}, {"staleBaselineEntries", stale}});
  }
  sarif.End();
  sarif.End();
  sarif.End();
}

}  // namespace kestra_lint
