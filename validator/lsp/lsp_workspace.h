// What the language server knows beyond one open document: what each file
// of the workspace tells the facts (FileFacts, collected as `check` does),
// grouped by installation as in `check`, with the unsaved text of open
// documents winning over the disk. Not thread-safe: the server guards it.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/disk.h"
#include "extract/scanned_file.h"
#include "facts/facts.h"
#include "findings/finding.h"
#include "pipeline/scan.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

// A file as far as facts are concerned: what it tells them (FileFacts, as
// `check` collects it) and the installation it belongs to.
struct FactsInput {
  std::string installation;
  std::string path;
  FileFacts facts;
};

// What an extracted file tells the facts; nullopt when it tells nothing.
std::optional<FactsInput> FactsInputOf(const ScannedFile& file, const std::string& installation);

// Reads and extracts one file from `disk` for facts; nullopt when it tells
// nothing or cannot be read.
std::optional<FactsInput> ReadFactsInput(const DiskInterface& disk, const std::string& path,
                                         uint64_t max_file_size);

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
  std::vector<FactsInput> InputsOf(const std::string& installation,
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
// its installation) plus its own, through the functions RunScan uses
// (ReadAndExtract over the disk with the unsaved text, MergeFileFacts in path
// order, DecideFacts, CheckFile): exactly as `check` would with those
// settings.
Analysis Analyze(const std::string& path, const std::string& installation, std::string text,
                 int version, std::vector<FactsInput> others, const InstallationSettings& settings,
                 const RuleSet& rules, uint64_t max_file_size);

}  // namespace kestra_lint
