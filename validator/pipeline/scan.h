// The whole pipeline for one run: discover -> read -> extract -> facts ->
// rules -> sorted findings. Data flows one way; no stage calls back.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "findings/baseline.h"
#include "facts/facts.h"
#include "discover/file_reader.h"
#include "discover/installation.h"
#include "findings/finding.h"
#include "rules/rule_pack.h"
#include "extract/scanned_file.h"

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
  std::string sha256;
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

ScanResult RunScan(const ScanOptions& options, const RuleSet& rules);

// Extracts one file given as text (tests, the language server).
ScannedFile ScanText(const std::string& path, std::string text);

// Runs `rules` over already extracted files, then applies `policy`: rules
// turned off, severities overridden, inline suppressions.
std::vector<Finding> ApplyRules(const std::vector<ScannedFile>& files, const Facts& facts,
                                const RuleSet& rules, const FindingPolicy& policy = {});

}  // namespace kestra_lint
