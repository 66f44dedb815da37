#include "lsp/lsp_workspace.h"

#include <algorithm>

#include "discover/discover.h"
#include "extract/extract.h"
#include "discover/file_reader.h"
#include "pipeline/scan.h"

namespace kestra_lint {

std::optional<FactsInput> FactsInputOf(const ScannedFile& file, const std::string& installation) {
  if (file.properties.empty() && file.evidence.empty()) return std::nullopt;
  FactsInput input;
  input.installation = installation;
  input.file.path = file.path;
  input.file.kind = file.kind;
  input.file.source = file.source;  // facts cite "path:line:col"
  input.file.properties = file.properties;
  input.file.evidence = file.evidence;
  return input;
}

std::optional<FactsInput> ReadFactsInput(const std::string& path, uint64_t max_file_size) {
  ScannedFile file;
  if (!ReadFileForScan(path, max_file_size, file)) return std::nullopt;
  ExtractFile(file);
  return FactsInputOf(file, InstallationRootOf(path));
}

std::map<std::string, FactsInput> ScanFolders(const std::vector<std::string>& folders,
                                              uint64_t max_file_size,
                                              const std::atomic<bool>& stop) {
  std::map<std::string, FactsInput> inputs;
  for (const DiscoveredFile& discovered : Discover(folders).files) {
    if (stop) break;
    std::optional<FactsInput> input = ReadFactsInput(discovered.path, max_file_size);
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

std::vector<ScannedFile> WorkspaceFacts::InputsOf(const std::string& installation,
                                                  const std::string& except) const {
  std::vector<ScannedFile> files;
  for (const auto& [path, input] : disk_) {
    if (path != except && input.installation == installation && open_.count(path) == 0) {
      files.push_back(input.file);
    }
  }
  for (const auto& [path, input] : open_) {
    if (path != except && input && input->installation == installation) {
      files.push_back(input->file);
    }
  }
  std::sort(files.begin(), files.end(),
            [](const ScannedFile& a, const ScannedFile& b) { return a.path < b.path; });
  return files;
}

Analysis Analyze(const std::string& path, const std::string& installation, std::string text,
                 int version, std::vector<ScannedFile> others, const InstallationSettings& settings,
                 const RuleSet& rules, uint64_t max_file_size) {
  Analysis analysis;
  analysis.version = version;
  if (text.size() > max_file_size) {
    analysis.file.path = path;
    analysis.file.problems.push_back({"yaml-syntax",
                                      "the document is " + std::to_string(text.size()) +
                                          " bytes, over the limit of " +
                                          std::to_string(max_file_size) + "; not checked",
                                      Span{}, ""});
  } else {
    analysis.file = ScanText(path, std::move(text));
  }
  analysis.facts_input = FactsInputOf(analysis.file, installation);
  if (analysis.facts_input) others.push_back(analysis.facts_input->file);
  std::sort(others.begin(), others.end(),
            [](const ScannedFile& a, const ScannedFile& b) { return a.path < b.path; });
  analysis.facts = ComputeFacts(others, settings.settings);
  std::vector<ScannedFile> checked(1);
  checked.front() = std::move(analysis.file);
  analysis.findings = ApplyRules(checked, analysis.facts, rules, settings.policy);
  analysis.file = std::move(checked.front());
  return analysis;
}

bool SameFacts(const Facts& a, const Facts& b) {
  return a.edition == b.edition && a.target == b.target && a.tenant == b.tenant &&
         a.has_fallback_tenant == b.has_fallback_tenant && a.fallback_tenant == b.fallback_tenant &&
         a.tenantless_data == b.tenantless_data && a.basic_auth == b.basic_auth;
}

}  // namespace kestra_lint
