#include "scan.h"

#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "discover.h"
#include "extract.h"
#include "glob.h"
#include "sha256.h"
#include "suppressions.h"

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

std::string InstallationRootOf(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path directory = fs::absolute(path, error).parent_path();
  while (!error && !directory.empty()) {
    std::error_code missing;
    if (fs::is_regular_file(directory / ".kestra-lint.yaml", missing)) {
      return fs::relative(directory, fs::current_path(error), error).generic_string();
    }
    if (directory == directory.root_path()) break;
    directory = directory.parent_path();
  }
  return "";
}

ScannedFile ScanText(const std::string& path, std::string text) {
  ScannedFile file;
  file.path = path;
  if (AcceptText(std::move(text), file)) ExtractFile(file);
  return file;
}

std::vector<Finding> ApplyRules(const std::vector<ScannedFile>& files, const Facts& facts,
                                const RuleSet& rules, const FindingPolicy& policy) {
  std::vector<Finding> findings;
  auto run = [&](const Rule& rule, const ScannedFile& file) {
    if (policy.disabled_rules.count(rule.id()) || !rule.AppliesTo(facts)) return;
    const size_t first = findings.size();
    rule.Check(file, facts, findings);
    const auto severity = policy.severities.find(rule.id());
    if (severity == policy.severities.end()) return;
    for (size_t i = first; i < findings.size(); ++i) findings[i].severity = severity->second;
  };
  for (const ScannedFile& file : files) {
    for (const auto& rule : rules.rules) run(*rule, file);
  }
  if (policy.inline_suppressions) {
    SuppressionSettings settings{policy.require_reason, rules.Ids()};
    std::map<std::string, std::vector<size_t>> by_path;
    for (size_t i = 0; i < findings.size(); ++i) by_path[findings[i].path].push_back(i);
    for (const ScannedFile& file : files) {
      const std::vector<Suppression> suppressions = FindSuppressions(file);
      if (suppressions.empty()) continue;
      std::vector<Finding*> mine;
      for (size_t i : by_path[file.path]) mine.push_back(&findings[i]);
      // Problems with the comments themselves are reported by the rules
      // named in them (a LoadProblem rule reads file.problems).
      ScannedFile comments;
      comments.path = file.path;
      comments.kind = file.kind;
      comments.problems = ApplySuppressions(suppressions, settings, mine);
      if (comments.problems.empty()) continue;
      comments.source = file.source;
      std::set<std::string> ids;
      for (const FileProblem& problem : comments.problems) ids.insert(problem.rule_id);
      for (const std::string& id : ids) {
        const Rule* rule = rules.Find(id);
        if (rule != nullptr) run(*rule, comments);
      }
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

  std::vector<ScannedFile> files(discovered.files.size() + (read_stdin ? 1 : 0));
  ParallelFor(discovered.files.size(), options.jobs,
              [&](size_t i) { files[i] = ScanPath(discovered.files[i], options); });
  if (read_stdin) files.back() = ScanText(options.stdin_filename, options.stdin_text);

  std::map<std::string, std::vector<ScannedFile>> installations;
  for (size_t i = 0; i < files.size(); ++i) {
    result.files.push_back({files[i].path, files[i].kind, Sha256Hex(files[i].source.text())});
    installations[roots[i]].push_back(std::move(files[i]));
  }
  if (installations.empty()) installations[""];
  for (const auto& [root, members] : installations) {
    const InstallationSettings& settings = settings_of(root);
    InstallationScope scope{root, ComputeFacts(members, settings.settings)};
    std::vector<Finding> findings = ApplyRules(members, scope.facts, rules, settings.policy);
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
