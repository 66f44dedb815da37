// The whole pipeline for one run: discover -> read -> extract -> facts ->
// rules -> sorted findings. Data flows one way; no stage calls back.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/disk.h"
#include "discover/file_reader.h"
#include "discover/installation.h"
#include "extract/scanned_file.h"
#include "facts/facts.h"
#include "findings/baseline.h"
#include "findings/finding.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

// What the user tuned about the findings (config file and command line).
struct FindingPolicy {
  std::set<std::string> disabled_rules;
  std::map<std::string, Severity> severities;  // rule id -> severity override
  bool inline_suppressions = true;             // false: --no-inline-suppressions
  bool require_reason = false;                 // --require-reason
};

// The settings of one installation (see InstallationScope): its
// .kestra-lint.yaml merged with the command line.
struct InstallationSettings {
  ScanSettings settings;
  FindingPolicy policy;
  // Walked files (not those named explicitly) are kept when their path
  // relative to `glob_root` matches an include glob (or none are given) and
  // no exclude glob.
  std::string glob_root;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

struct ScanOptions {
  std::vector<std::string> paths;  // "-" reads standard input
  std::string stdin_filename = "<stdin>";
  std::string stdin_text;  // the text read for "-"
  uint64_t max_file_size = kDefaultMaxFileSize;
  int jobs = 1;
  // `fix`: keep the text of each file a finding can fix (ScannedFileSummary::text).
  bool keep_texts_to_fix = false;
  // Outputs that name each file's SHA-256 (SARIF, audit): hashing every file
  // read costs a tenth of a big tree's scan, so only they ask for it. `fix`
  // (keep_texts_to_fix) hashes too: it checks a kept text by its hash.
  bool hash_files = false;
  // Where files are found and read; nullptr: the real disk.
  const DiskInterface* disk = nullptr;
  ScanSettings settings;
  FindingPolicy policy;
  // The settings of the installation at a root (InstallationRootOf); when
  // unset, `settings` and `policy` apply everywhere. May throw: the scan
  // stops with the exception.
  std::function<InstallationSettings(const std::string& root)> installation;
};

struct ScannedFileSummary {
  std::string path;
  FileKind kind = FileKind::kOtherYaml;
  std::string sha256;  // empty unless ScanOptions::hash_files or keep_texts_to_fix
  // With keep_texts_to_fix, when a finding in it has a fix: the text checked
  // and how many load problems (syntax errors, duplicate keys) it has.
  std::string text;
  size_t load_problems = 0;
};

// One Kestra installation in the scan: the folder of the nearest
// .kestra-lint.yaml above its files ("" when there is none), and the facts
// learned from those files alone. Facts never leak between installations.
struct InstallationScope {
  std::string root;
  Facts facts;
};

struct ScanResult {
  Facts facts;  // of the first scope: what single-installation outputs show
  std::vector<InstallationScope> scopes;  // sorted by root
  std::vector<ScannedFileSummary> files;
  std::vector<Finding> findings;    // sorted, fingerprinted
  std::vector<std::string> errors;  // explicit paths that could not be found
  // With --baseline: the file, and its entries that no finding matches any
  // more (the baseline can shrink by them).
  std::string baseline_path;
  std::vector<BaselineEntry> stale_baseline;
};

// The analysis, for every command and the language server: the files read
// and extracted (RunScan also checks each right away, with the facts its
// installation has told so far; the few checked with facts that turned out
// different are read and checked again), their facts merged per
// installation, then the rule pass, the policy and inline suppressions.
ScanResult RunScan(const ScanOptions& options, const RuleSet& rules);

// One file through the first stages: read from `disk`, extracted, with what
// it tells the facts.
struct ExtractedFile {
  ScannedFile file;
  FileFacts facts;
  bool parsed = false;  // false: not read, or its content must not be parsed (file.problems)
};
ExtractedFile ReadAndExtract(const DiskInterface& disk, const std::string& path,
                             uint64_t max_file_size);

// The rule pass over one file: `rules` with `facts`, then `policy` (rules
// turned off, severities overridden, inline suppressions and the problems
// with them). Appends the findings, unsorted and without fingerprints.
void CheckFile(const ScannedFile& file, const Facts& facts, const RuleSet& rules,
               const FindingPolicy& policy, std::vector<Finding>& findings);

// Extracts one file given as text (tests, the language server).
ScannedFile ScanText(const std::string& path, std::string text);

// Runs `rules` over already extracted files, then applies `policy`: rules
// turned off, severities overridden, inline suppressions.
std::vector<Finding> ApplyRules(const std::vector<ScannedFile>& files, const Facts& facts,
                                const RuleSet& rules, const FindingPolicy& policy = {});

}  // namespace kestra_lint
