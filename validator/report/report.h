// What every output format is written from: the scan result plus the run's
// context (rule packs, fail-on threshold, tool version). One formatter per
// format, each in its own format_*.cc file, registered in report.cc.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/scan.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

enum class FailOn { kError, kWarning, kInfo, kNever };

struct Report {
  const ScanResult& result;
  const RuleSet& rules;
  FailOn fail_on = FailOn::kError;
  bool color = false;
  int exit_code = 0;  // what the run exits with
};

// True when `severity` is at or above the `fail_on` threshold.
bool FailsOn(Severity severity, FailOn fail_on);
// The exit code for these findings: 1 when one that is not suppressed is at or
// above the threshold.
int ExitCodeFor(const ScanResult& result, FailOn fail_on);

const char* ToolVersion();

// JSON outputs write an absent text as null, not "".
nlohmann::ordered_json NullableString(const std::string& text);

// One file of the report: a path scanned or reported and its findings, a run
// of ScanResult::findings (which are sorted by path first).
struct FileFindings {
  const std::string* path = nullptr;
  bool scanned = false;
  const Finding* begin = nullptr;
  const Finding* end = nullptr;
};
// Every path scanned or reported, once each, in byte order: what the
// per-file formats walk, holding a few pointers per file, none per finding.
std::vector<FileFindings> FindingsByFile(const ScanResult& result);

using Formatter = void (*)(const Report&, std::ostream&);

// Every output format by its --format name.
const std::map<std::string, Formatter>& Formatters();
// Whether the format names each scanned file's SHA-256 (the scan then hashes
// them: ScanOptions::hash_files).
bool FormatNamesFileHashes(const std::string& format);

void WriteText(const Report& report, std::ostream& out);
void WriteJson(const Report& report, std::ostream& out);
void WriteSarif(const Report& report, std::ostream& out);
void WriteJunit(const Report& report, std::ostream& out);
void WriteGithub(const Report& report, std::ostream& out);
void WriteGitlab(const Report& report, std::ostream& out);
void WriteCheckstyle(const Report& report, std::ostream& out);
void WriteCompact(const Report& report, std::ostream& out);

}  // namespace kestra_lint
