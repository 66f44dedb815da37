#include "scan.h"

#include <atomic>
#include <thread>

#include "discover.h"
#include "extract.h"
#include "sha256.h"

namespace kestra_lint {
namespace {

ScannedFile ScanPath(const DiscoveredFile& discovered, const ScanOptions& options) {
  ScannedFile file;
  file.path = discovered.path;
  if (ReadFileForScan(discovered.path, options.max_file_size, file)) ExtractFile(file);
  return file;
}

// Runs `work(i)` for i in [0, count) on `jobs` threads.
template <typename Work>
void ParallelFor(size_t count, int jobs, Work work) {
  const size_t threads = std::min<size_t>(count, static_cast<size_t>(std::max(1, jobs)));
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) work(i);
    });
  }
  for (std::thread& thread : pool) thread.join();
}

}  // namespace

ScannedFile ScanText(const std::string& path, std::string text) {
  ScannedFile file;
  file.path = path;
  if (AcceptText(std::move(text), file)) ExtractFile(file);
  return file;
}

std::vector<Finding> ApplyRules(const std::vector<ScannedFile>& files, const Facts& facts,
                                const RuleSet& rules) {
  std::vector<Finding> findings;
  for (const ScannedFile& file : files) {
    for (const auto& rule : rules.rules) {
      if (rule->AppliesTo(facts)) rule->Check(file, facts, findings);
    }
  }
  SortFindings(findings);
  AssignFingerprints(findings);
  return findings;
}

ScanResult RunScan(const ScanOptions& options, const RuleSet& rules) {
  ScanResult result;
  std::vector<std::string> disk_paths;
  bool read_stdin = false;
  for (const std::string& path : options.paths) {
    if (path == "-") {
      read_stdin = true;
    } else {
      disk_paths.push_back(path);
    }
  }
  DiscoverResult discovered = Discover(disk_paths);
  result.errors = std::move(discovered.errors);

  std::vector<ScannedFile> files(discovered.files.size() + (read_stdin ? 1 : 0));
  ParallelFor(discovered.files.size(), options.jobs,
              [&](size_t i) { files[i] = ScanPath(discovered.files[i], options); });
  if (read_stdin) files.back() = ScanText(options.stdin_filename, options.stdin_text);

  for (const ScannedFile& file : files) {
    result.files.push_back({file.path, file.kind, Sha256Hex(file.source.text())});
  }
  result.facts = ComputeFacts(files, options.settings);
  result.findings = ApplyRules(files, result.facts, rules);
  return result;
}

}  // namespace kestra_lint
