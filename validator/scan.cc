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

// Where findings about this file can point: every record's span, and lines
// that name the tool (where inline suppression comments live).
std::vector<size_t> OffsetsFindingsNeed(const ScannedFile& file) {
  std::vector<size_t> offsets;
  const auto add = [&offsets](const Span& span) {
    offsets.push_back(span.begin);
    offsets.push_back(span.end);
  };
  for (const PropertyRecord& record : file.properties) {
    add(record.key_span);
    add(record.value_span);
  }
  for (const UriRecord& record : file.uris) add(record.span);
  for (const ClientSetting& client : file.clients) {
    add(client.url_span);
    add(client.tenant_span);
  }
  for (const EditionEvidence& evidence : file.evidence) add(evidence.span);
  for (const FileProblem& problem : file.problems) add(problem.span);
  const std::string& text = file.source.text();
  for (size_t at = text.find("kestra-lint"); at != std::string::npos;
       at = text.find("kestra-lint", at + 1)) {
    offsets.push_back(at);
  }
  return offsets;
}

// Facts need every file's records before any rule runs, so records are kept
// for the whole scan; the text is not: summarise the file, then keep only
// the lines findings can point at. Memory stays bounded by the files in
// flight (one per job) plus the records, not by the total size scanned.
ScannedFileSummary Compact(ScannedFile& file) {
  ScannedFileSummary summary{file.path, file.kind, Sha256Hex(file.source.text())};
  file.source.RetainLinesAt(OffsetsFindingsNeed(file));
  return summary;
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
  result.files.resize(files.size());
  ParallelFor(discovered.files.size(), options.jobs, [&](size_t i) {
    files[i] = ScanPath(discovered.files[i], options);
    result.files[i] = Compact(files[i]);
  });
  if (read_stdin) {
    files.back() = ScanText(options.stdin_filename, options.stdin_text);
    result.files.back() = Compact(files.back());
  }

  result.facts = ComputeFacts(files, options.settings);
  result.findings = ApplyRules(files, result.facts, rules);
  return result;
}

}  // namespace kestra_lint
