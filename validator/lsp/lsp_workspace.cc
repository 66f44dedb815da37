#include "lsp/lsp_workspace.h"

#include <algorithm>

#include "discover/discover.h"
#include "pipeline/scan.h"

namespace kestra_lint {

namespace {

// Nothing when the file tells the facts nothing.
std::optional<FactsInput> FactsInputFrom(const std::string& installation, const std::string& path,
                                         FileFacts facts) {
  if (facts == FileFacts()) return std::nullopt;
  return FactsInput{installation, path, std::move(facts)};
}

}  // namespace

std::optional<FactsInput> FactsInputOf(const ScannedFile& file, const std::string& installation) {
  return FactsInputFrom(installation, file.path, CollectFileFacts(file));
}

std::optional<FactsInput> ReadFactsInput(const DiskInterface& disk, const std::string& path,
                                         uint64_t max_file_size) {
  ExtractedFile extracted = ReadAndExtract(disk, path, max_file_size);
  // Finding the root walks the folders above: only for files that tell something.
  if (extracted.facts == FileFacts()) return std::nullopt;
  return FactsInput{InstallationRootOf(path), path, std::move(extracted.facts)};
}

std::map<std::string, FactsInput> ScanFolders(const std::vector<std::string>& folders,
                                              uint64_t max_file_size,
                                              const std::atomic<bool>& stop) {
  const RealDisk disk;
  std::map<std::string, FactsInput> inputs;
  for (const DiscoveredFile& discovered : Discover(folders, disk).files) {
    if (stop) break;
    std::optional<FactsInput> input = ReadFactsInput(disk, discovered.path, max_file_size);
    if (input) inputs.emplace(discovered.path, std::move(*input));
  }
  return inputs;
}

void WorkspaceFacts::SetDisk(const std::string& path, std::optional<FactsInput> input) {
  if (input) {
    disk_[path] = std::move(*input);
  } else {
    disk_.erase(path);
  }
}

void WorkspaceFacts::SetOpen(const std::string& path, std::optional<FactsInput> input) {
  open_[path] = std::move(input);
}

std::vector<FactsInput> WorkspaceFacts::InputsOf(const std::string& installation,
                                                 const std::string& except) const {
  std::vector<FactsInput> inputs;
  for (const auto& [path, input] : disk_) {
    if (path != except && input.installation == installation && open_.count(path) == 0) {
      inputs.push_back(input);
    }
  }
  for (const auto& [path, input] : open_) {
    if (path != except && input && input->installation == installation) inputs.push_back(*input);
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const FactsInput& a, const FactsInput& b) { return a.path < b.path; });
  return inputs;
}

Analysis Analyze(const std::string& path, const std::string& installation, std::string text,
                 int version, std::vector<FactsInput> others, const InstallationSettings& settings,
                 const RuleSet& rules, uint64_t max_file_size) {
  Analysis analysis;
  analysis.version = version;
  const RealDisk real_disk;
  OverlayDisk unsaved(real_disk);
  unsaved.Set(path, std::move(text));
  ExtractedFile extracted = ReadAndExtract(unsaved, path, max_file_size);
  analysis.file = std::move(extracted.file);
  analysis.facts_input = FactsInputFrom(installation, path, std::move(extracted.facts));
  if (analysis.facts_input) others.push_back(*analysis.facts_input);
  std::stable_sort(others.begin(), others.end(),
                   [](const FactsInput& a, const FactsInput& b) { return a.path < b.path; });
  FileFacts told;
  for (const FactsInput& other : others) MergeFileFacts(told, other.facts);
  analysis.facts = DecideFacts(told, settings.settings);
  CheckFile(analysis.file, analysis.facts, rules, settings.policy, analysis.findings);
  SortFindings(analysis.findings);
  AssignFingerprints(analysis.findings);
  return analysis;
}

}  // namespace kestra_lint
