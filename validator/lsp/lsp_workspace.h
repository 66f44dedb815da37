// What the language server knows beyond one open document: the records of
// the workspace's files that facts come from (edition evidence, properties
// such as fallbackTenant), grouped by installation as in `check`, with the
// unsaved text of open documents winning over the disk. Not thread-safe:
// the server guards it.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "facts/facts.h"
#include "findings/finding.h"
#include "rules/rule_pack.h"
#include "pipeline/scan.h"
#include "extract/scanned_file.h"

namespace kestra_lint {

// A file as far as facts are concerned: its properties and edition evidence
// (other records dropped), and the installation it belongs to.
struct FactsInput {
  std::string installation;
  ScannedFile file;
};

// The facts part of an extracted file; nullopt when it holds nothing facts use.
std::optional<FactsInput> FactsInputOf(const ScannedFile& file, const std::string& installation);

// Reads and extracts one file from disk for facts; nullopt when it holds
// nothing facts use or cannot be read.
std::optional<FactsInput> ReadFactsInput(const std::string& path, uint64_t max_file_size);

// Reads every candidate file under `folders`; stops early when `stop` is set.
std::map<std::string, FactsInput> ScanFolders(const std::vector<std::string>& folders,
                                              uint64_t max_file_size,
                                              const std::atomic<bool>& stop);

class WorkspaceFacts {
 public:
  void ReplaceDisk(std::map<std::string, FactsInput> disk) { disk_ = std::move(disk); }
  void SetDisk(const std::string& path, std::optional<FactsInput> input);
  // An open document's records (nullopt: it holds none); they hide the disk's.
  void SetOpen(const std::string& path, std::optional<FactsInput> input);
  void Close(const std::string& path) { open_.erase(path); }

  // The files of `installation` other than `except`, sorted by path.
  std::vector<ScannedFile> InputsOf(const std::string& installation,
                                    const std::string& except) const;

 private:
  std::map<std::string, FactsInput> disk_;
  std::map<std::string, std::optional<FactsInput>> open_;
};

// One open document checked: the facts of its installation, its findings.
struct Analysis {
  int version = 0;
  ScannedFile file;  // the whole extracted document; file.source is the text checked
  std::optional<FactsInput> facts_input;
  Facts facts;
  std::vector<Finding> findings;
};

// Checks `text` as the file at `path` with the facts of `others` (the rest of
// its installation) plus its own records, exactly as `check` would with
// those settings.
Analysis Analyze(const std::string& path, const std::string& installation, std::string text,
                 int version, std::vector<ScannedFile> others, const InstallationSettings& settings,
                 const RuleSet& rules, uint64_t max_file_size);

// True when two facts would make the rules say the same things.
bool SameFacts(const Facts& a, const Facts& b);

}  // namespace kestra_lint
