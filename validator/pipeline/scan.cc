#include "pipeline/scan.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <thread>

#include "discover/discover.h"
#include "extract/extract.h"
#include "base/glob.h"
#include "base/sha256.h"
#include "findings/suppressions.h"

namespace kestra_lint {
namespace {

ScannedFile ScanPath(const std::string& path, const ScanOptions& options) {
  ScannedFile file;
  file.path = path;
  if (ReadFileForScan(path, options.max_file_size, file)) ExtractFile(file);
  return file;
}

// A file between extraction and the rule pass. Memory stays bounded by the
// files being worked on, not by the scan (docs/architecture.md): once the
// facts a file tells are collected, its text and property records are
// dropped, and the rule pass reads it again.
struct PendingFile {
  ScannedFile file;
  FileFacts facts;
  std::string sha256;
  bool reread = false;  // text and properties were dropped; it must read back the same
  size_t text_size = 0;
  size_t text_hash = 0;
  std::vector<const Rule*> property_readers;  // the rules that read one of its properties
};

size_t TextHash(const std::string& text) { return std::hash<std::string_view>()(text); }

PendingFile Pending(ScannedFile file, const RuleSet& rules, bool on_disk) {
  PendingFile pending;
  pending.sha256 = Sha256Hex(file.source.text());
  pending.facts = CollectFileFacts(file);
  for (const auto& rule : rules.rules) {
    for (const PropertyRecord& record : file.properties) {
      if (rule->ReadsProperty(record)) {
        pending.property_readers.push_back(rule.get());
        break;
      }
    }
  }
  if (on_disk) {
    pending.reread = true;
    pending.text_size = file.source.text().size();
    pending.text_hash = TextHash(file.source.text());
    // Moved out, not assigned over: assigning keeps the text's buffer.
    const SourceText dropped = std::move(file.source);
    file.source = SourceText();
    std::vector<PropertyRecord>().swap(file.properties);
  }
  pending.file = std::move(file);
  return pending;
}

bool PropertiesRead(const PendingFile& pending, const Facts& facts, const FindingPolicy& policy) {
  for (const Rule* rule : pending.property_readers) {
    if (!policy.disabled_rules.count(rule->id()) && rule->AppliesTo(facts)) return true;
  }
  return false;
}

// The file, with its text, for the rule pass. It is extracted again when a
// rule that applies reads its property records, or when it changed on disk
// since (findings then point into the text they were found in; its facts
// stay those of the first read).
ScannedFile ForRules(PendingFile& pending, const ScanOptions& options, const Facts& facts,
                     const FindingPolicy& policy, ScannedFileSummary& summary) {
  if (!pending.reread) return std::move(pending.file);
  ScannedFile again;
  const bool parse = ReadFileForScan(pending.file.path, options.max_file_size, again);
  const std::string& text = again.source.text();
  const bool same = text.size() == pending.text_size && TextHash(text) == pending.text_hash;
  if (same && !PropertiesRead(pending, facts, policy)) {
    pending.file.source = std::move(again.source);
    return std::move(pending.file);
  }
  if (parse) ExtractFile(again);
  if (!same) {
    summary.kind = again.kind;
    summary.sha256 = Sha256Hex(again.source.text());
  }
  return again;
}

// Runs `rules` over one file, then its inline suppressions; appends the
// findings, unsorted.
void CheckFile(const ScannedFile& file, const Facts& facts, const RuleSet& rules,
               const FindingPolicy& policy, std::vector<Finding>& findings) {
  auto run = [&](const Rule& rule, const ScannedFile& checked) {
    if (policy.disabled_rules.count(rule.id()) || !rule.AppliesTo(facts)) return;
    const size_t first = findings.size();
    rule.Check(checked, facts, findings);
    const auto severity = policy.severities.find(rule.id());
    if (severity == policy.severities.end()) return;
    for (size_t i = first; i < findings.size(); ++i) findings[i].severity = severity->second;
  };
  const size_t first = findings.size();
  for (const auto& rule : rules.rules) run(*rule, file);
  if (!policy.inline_suppressions) return;
  const std::vector<Suppression> suppressions = FindSuppressions(file);
  if (suppressions.empty()) return;
  std::vector<Finding*> mine;
  for (size_t i = first; i < findings.size(); ++i) mine.push_back(&findings[i]);
  // Problems with the comments themselves are reported by the rules named in
  // them (a LoadProblem rule reads file.problems).
  ScannedFile comments;
  comments.path = file.path;
  comments.kind = file.kind;
  comments.problems = ApplySuppressions(
      suppressions, SuppressionSettings{policy.require_reason, rules.Ids()}, mine);
  if (comments.problems.empty()) return;
  comments.source = file.source;
  std::set<std::string> ids;
  for (const FileProblem& problem : comments.problems) ids.insert(problem.rule_id);
  for (const std::string& id : ids) {
    const Rule* rule = rules.Find(id);
    if (rule != nullptr) run(*rule, comments);
  }
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
                                const RuleSet& rules, const FindingPolicy& policy) {
  std::vector<Finding> findings;
  for (const ScannedFile& file : files) CheckFile(file, facts, rules, policy, findings);
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
  std::map<std::string, InstallationSettings> installation_settings;
  auto settings_of = [&](const std::string& root) -> const InstallationSettings& {
    auto found = installation_settings.find(root);
    if (found == installation_settings.end()) {
      found = installation_settings
                  .emplace(root,
                           options.installation
                               ? options.installation(root)
                               : InstallationSettings{options.settings, options.policy, "", {}, {}})
                  .first;
    }
    return found->second;
  };
  // Each file's installation root, found once: finding it walks the folders.
  std::vector<DiscoveredFile> kept;
  std::vector<std::string> roots;
  for (DiscoveredFile& file : discovered.files) {
    std::string root = InstallationRootOf(file.path);
    const InstallationSettings& settings = settings_of(root);
    if (file.explicit_path ||
        GlobsKeep(settings.glob_root, file.path, settings.include, settings.exclude)) {
      kept.push_back(std::move(file));
      roots.push_back(std::move(root));
    }
  }
  discovered.files = std::move(kept);
  if (read_stdin) roots.push_back(InstallationRootOf(options.stdin_filename));

  std::vector<PendingFile> files(discovered.files.size() + (read_stdin ? 1 : 0));
  ParallelFor(discovered.files.size(), options.jobs, [&](size_t i) {
    files[i] = Pending(ScanPath(discovered.files[i].path, options), rules, true);
  });
  if (read_stdin) {
    files.back() = Pending(ScanText(options.stdin_filename, options.stdin_text), rules, false);
  }

  std::map<std::string, std::vector<size_t>> installations;
  for (size_t i = 0; i < files.size(); ++i) {
    result.files.push_back({files[i].file.path, files[i].file.kind, files[i].sha256});
    installations[roots[i]].push_back(i);
  }
  if (installations.empty()) installations[""];
  for (const auto& installation : installations) {
    const InstallationSettings& settings = settings_of(installation.first);
    std::vector<FileFacts> told;
    for (size_t i : installation.second) told.push_back(std::move(files[i].facts));
    InstallationScope scope{installation.first, CombineFacts(told, settings.settings)};
    std::vector<Finding> findings;
    for (size_t i : installation.second) {
      const ScannedFile file =
          ForRules(files[i], options, scope.facts, settings.policy, result.files[i]);
      CheckFile(file, scope.facts, rules, settings.policy, findings);
    }
    SortFindings(findings);
    AssignFingerprints(findings);
    result.findings.insert(result.findings.end(), std::make_move_iterator(findings.begin()),
                           std::make_move_iterator(findings.end()));
    result.scopes.push_back(std::move(scope));
  }
  result.facts = result.scopes.front().facts;
  // Fingerprints are per file, so ApplyRules already gave them; only the
  // order across installations is left.
  SortFindings(result.findings);
  return result;
}

}  // namespace kestra_lint
