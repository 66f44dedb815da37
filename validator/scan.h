// The whole pipeline for one run: discover -> read -> extract -> facts ->
// rules -> sorted findings. Data flows one way; no stage calls back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "facts.h"
#include "file_reader.h"
#include "finding.h"
#include "rule_pack.h"
#include "scanned_file.h"

namespace kestra_lint {

struct ScanOptions {
  std::vector<std::string> paths;  // "-" reads standard input
  std::string stdin_filename = "<stdin>";
  std::string stdin_text;  // the text read for "-"
  uint64_t max_file_size = kDefaultMaxFileSize;
  int jobs = 1;
  ScanSettings settings;
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
};

ScanResult RunScan(const ScanOptions& options, const RuleSet& rules);

// The folder of the nearest .kestra-lint.yaml above `path`, or "".
std::string InstallationRootOf(const std::string& path);

// Extracts one file given as text (tests, the language server).
ScannedFile ScanText(const std::string& path, std::string text);

// Runs `rules` over already extracted files.
std::vector<Finding> ApplyRules(const std::vector<ScannedFile>& files, const Facts& facts,
                                const RuleSet& rules);

}  // namespace kestra_lint
