#include "pipeline/scan.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "base/glob.h"
#include "base/sha256.h"
#include "discover/discover.h"
#include "discover/file_reader.h"
#include "extract/code_uris.h"
#include "extract/extract.h"
#include "findings/suppressions.h"

namespace kestra_lint {
namespace {

// What the files of one installation told so far, merged in scan order, and
// the facts that decide: each file is checked right after its extraction
// with the facts of the files told by then (its own included). Shared by
// the workers; the last facts are the installation's.
class FactsSoFar {
 public:
  explicit FactsSoFar(const ScanSettings& settings)
      : settings_(settings),
        current_(std::make_shared<const Facts>(DecideFacts(FileFacts(), settings))) {}

  // Adds what file `index` tells; returns the facts to check it with. Files
  // tell in the order the workers finish them, and merging in that order is
  // a guess that Settle corrects: merging all again in scan order whenever a
  // file comes out of order made two jobs quadratic.
  std::shared_ptr<const Facts> Tell(size_t index, const FileFacts& facts) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (facts == FileFacts()) return current_;
    told_.emplace(index, facts);
    MergeFileFacts(arrived_, facts);
    Decide(arrived_);
    return current_;
  }

  // Once every file has told: the facts in scan order, where the first
  // evidence wins.
  void Settle() {
    std::lock_guard<std::mutex> lock(mutex_);
    FileFacts in_order;
    for (const auto& told : told_) MergeFileFacts(in_order, told.second);
    Decide(in_order);
  }

  // Read without the lock: only once the workers that Tell have joined.
  std::shared_ptr<const Facts> Current() const { return current_; }

 private:
  void Decide(const FileFacts& merged) {
    Facts decided = DecideFacts(merged, settings_);
    if (decided != *current_) current_ = std::make_shared<const Facts>(std::move(decided));
  }

  const ScanSettings& settings_;
  std::mutex mutex_;
  std::map<size_t, FileFacts> told_;  // by scan index; only files that tell something
  FileFacts arrived_;                 // merged in the order they were told
  std::shared_ptr<const Facts> current_;
};

// One file after the rule pass: its findings and the facts they assume.
struct CheckedFile {
  std::shared_ptr<const Facts> facts;
  std::vector<Finding> findings;
  // Kept while the scan's budget allows, so that checking it again needs no
  // second read: its text, or the whole file when its content was not parsed
  // (then it has no records, which take several times the text).
  std::optional<std::string> text;
  std::unique_ptr<ScannedFile> unparsed;
};

// What the texts kept for a check again may take in all.
constexpr size_t kKeptTextBudget = 8 << 20;

bool AnyFix(const std::vector<Finding>& findings) {
  for (const Finding& finding : findings) {
    if (!finding.fix.empty()) return true;
  }
  return false;
}

// Runs `work(i)` for i in [0, count) on up to `jobs` threads, the calling
// one included. A thread the system refuses (memory or process limits) is not
// an error: the threads already running, at least the caller, do its share.
template <typename Work>
void ParallelFor(size_t count, int jobs, Work work) {
  const size_t threads = std::min<size_t>(count, static_cast<size_t>(std::max(1, jobs)));
  std::atomic<size_t> next{0};
  const auto drain = [&] {
    for (size_t i = next++; i < count; i = next++) work(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(drain);
    } catch (const std::system_error&) {
      break;
    }
  }
  drain();
  for (std::thread& thread : pool) thread.join();
}

}  // namespace

ExtractedFile ReadAndExtract(const DiskInterface& disk, const std::string& path,
                             uint64_t max_file_size) {
  ExtractedFile extracted;
  extracted.file.path = path;
  extracted.parsed = ReadFileForScan(disk, path, max_file_size, extracted.file);
  if (extracted.parsed) ExtractFile(extracted.file);
  if (!extracted.parsed && IsSilentWhenBinary(KindFromName(path)) &&
      extracted.file.problems.size() == 1 &&
      extracted.file.problems.front().message.rfind("binary file", 0) == 0) {
    // An image or archive among an application's sources is no problem.
    extracted.file.kind = KindFromName(path);
    extracted.file.problems.clear();
  }
  extracted.facts = CollectFileFacts(extracted.file);
  return extracted;
}

namespace {

void CheckFileFindings(const ScannedFile& file, const Facts& facts, const RuleSet& rules,
                       const FindingPolicy& policy, std::vector<Finding>& findings) {
  auto reported = [&](const Rule& rule) {
    return !policy.disabled_rules.count(rule.id()) && rule.AppliesTo(facts);
  };
  auto override_severity = [&](const Rule& rule, size_t first) {
    const auto severity = policy.severities.find(rule.id());
    if (severity == policy.severities.end()) return;
    for (size_t i = first; i < findings.size(); ++i) findings[i].severity = severity->second;
  };
  const size_t first = findings.size();
  for (const auto& rule : rules.rules) {
    if (!reported(*rule)) continue;
    const size_t before = findings.size();
    rule->Check(file, facts, findings);
    override_severity(*rule, before);
  }
  if (!policy.inline_suppressions) return;
  const std::vector<Suppression> suppressions = FindSuppressions(file);
  if (suppressions.empty()) return;
  std::vector<Finding*> mine;
  for (size_t i = first; i < findings.size(); ++i) mine.push_back(&findings[i]);
  const std::vector<FileProblem> problems = ApplySuppressions(
      suppressions, SuppressionSettings{policy.require_reason, rules.Ids()}, mine);
  // Problems with the comments themselves are reported by the rules named in
  // them, rule by rule.
  std::set<std::string> ids;
  for (const FileProblem& problem : problems) ids.insert(problem.rule_id);
  for (const std::string& id : ids) {
    const Rule* rule = rules.Find(id);
    if (rule == nullptr || !reported(*rule)) continue;
    const size_t before = findings.size();
    for (const FileProblem& problem : problems) {
      if (problem.rule_id == id) findings.push_back(rule->ProblemFinding(file, problem, facts));
    }
    override_severity(*rule, before);
  }
}

}  // namespace

void CheckFile(const ScannedFile& file, const Facts& facts, const RuleSet& rules,
               const FindingPolicy& policy, std::vector<Finding>& findings) {
  const size_t first = findings.size();
  CheckFileFindings(file, facts, rules, policy, findings);
  PrepareForOutput(file.source, findings, first);
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
  for (const ScannedFile& file : files) CheckFile(file, facts, rules, policy, findings);
  SortFindings(findings);
  AssignFingerprints(findings);
  return findings;
}

ScanResult RunScan(const ScanOptions& options, const RuleSet& rules) {
  const RealDisk real_disk;
  const DiskInterface& disk = options.disk != nullptr ? *options.disk : real_disk;
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
  DiscoverResult discovered = Discover(disk_paths, disk);
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
  // Each folder's installation root, found once: finding it walks the
  // folders above, and many files share a folder.
  std::map<std::string, std::string> folder_roots;
  auto root_of = [&folder_roots](const std::string& path) {
    const std::string folder = std::filesystem::path(path).parent_path().string();
    auto found = folder_roots.find(folder);
    if (found == folder_roots.end()) {
      found = folder_roots.emplace(folder, InstallationRootOf(path)).first;
    }
    return found->second;
  };
  std::vector<DiscoveredFile> kept;
  std::vector<std::string> roots;
  for (DiscoveredFile& file : discovered.files) {
    std::string root = root_of(file.path);
    const InstallationSettings& settings = settings_of(root);
    if (file.explicit_path ||
        GlobsKeep(settings.glob_root, file.path, settings.include, settings.exclude)) {
      kept.push_back(std::move(file));
      roots.push_back(std::move(root));
    }
  }
  discovered.files = std::move(kept);
  if (read_stdin) roots.push_back(InstallationRootOf(options.stdin_filename));

  // Every installation's settings are known before the workers start.
  std::map<std::string, FactsSoFar> so_far;
  for (const std::string& root : roots) so_far.try_emplace(root, settings_of(root).settings);
  if (so_far.empty()) so_far.try_emplace("", settings_of("").settings);

  const size_t count = discovered.files.size() + (read_stdin ? 1 : 0);
  result.files.resize(count);
  std::vector<CheckedFile> checked(count);
  auto path_of = [&](size_t i) -> const std::string& {
    return i < discovered.files.size() ? discovered.files[i].path : options.stdin_filename;
  };
  auto extract = [&](size_t i) {
    if (i < discovered.files.size()) {
      return ReadAndExtract(disk, path_of(i), options.max_file_size);
    }
    ExtractedFile extracted;
    extracted.file.path = options.stdin_filename;
    if (AcceptStreamText(options.stdin_text, options.max_file_size, extracted.file)) {
      ExtractFile(extracted.file);
    }
    extracted.facts = CollectFileFacts(extracted.file);
    return extracted;
  };
  auto check = [&](size_t i, const ScannedFile& file, std::shared_ptr<const Facts> facts) {
    checked[i].findings.clear();
    result.files[i].text.clear();
    CheckFile(file, *facts, rules, settings_of(roots[i]).policy, checked[i].findings);
    checked[i].facts = std::move(facts);
    ScannedFileSummary& summary = result.files[i];
    if (options.keep_texts_to_fix && AnyFix(checked[i].findings)) {
      summary.text = file.source.text();
      summary.load_problems = file.problems.size();
    }
  };
  // Read, extract and check each file once. Its records are then dropped,
  // and its text too unless the budget for kept texts allows: memory stays
  // bounded by the files being worked on plus the budget.
  std::atomic<size_t> kept_bytes{0};
  const bool hash_files = options.hash_files || options.keep_texts_to_fix;
  ParallelFor(count, options.jobs, [&](size_t i) {
    ExtractedFile extracted = extract(i);
    // The hash is for the outputs, so it is taken here, not in ReadAndExtract
    // (the language server reads every workspace file and every edit through it).
    result.files[i] = {extracted.file.path, extracted.file.kind,
                       hash_files ? Sha256Hex(extracted.file.source.text()) : "", "", 0};
    check(i, extracted.file, so_far.at(roots[i]).Tell(i, extracted.facts));
    const size_t size = extracted.file.source.text().size();
    if (i >= discovered.files.size()) return;  // standard input is at hand
    if (kept_bytes.fetch_add(size) + size > kKeptTextBudget) {
      kept_bytes.fetch_sub(size);
    } else if (extracted.parsed) {
      checked[i].text = extracted.file.source.text();
    } else {
      checked[i].unparsed = std::make_unique<ScannedFile>(std::move(extracted.file));
    }
  });
  // A file checked before the last facts of its installation were told (a
  // file later in scan order set the edition, say) is checked again: from
  // memory when it was kept, else read again (the only second read). Its
  // facts stay those of the first read; when it changed meanwhile, its
  // findings are about the text they point into.
  for (auto& installation : so_far) installation.second.Settle();
  std::vector<size_t> again;
  for (size_t i = 0; i < count; ++i) {
    const std::shared_ptr<const Facts> last = so_far.at(roots[i]).Current();
    if (checked[i].facts != last && *checked[i].facts != *last) {
      again.push_back(i);
    } else {
      checked[i].text.reset();
      checked[i].unparsed.reset();
    }
  }
  ParallelFor(again.size(), options.jobs, [&](size_t k) {
    const size_t i = again[k];
    if (checked[i].text) {
      check(i, ScanText(path_of(i), std::move(*checked[i].text)), so_far.at(roots[i]).Current());
      checked[i].text.reset();
      return;
    }
    if (checked[i].unparsed) {
      check(i, *checked[i].unparsed, so_far.at(roots[i]).Current());
      checked[i].unparsed.reset();
      return;
    }
    const ExtractedFile extracted = extract(i);
    result.files[i].kind = extracted.file.kind;
    if (hash_files) result.files[i].sha256 = Sha256Hex(extracted.file.source.text());
    check(i, extracted.file, so_far.at(roots[i]).Current());
  });

  std::map<std::string, std::vector<size_t>> installations;
  for (size_t i = 0; i < count; ++i) installations[roots[i]].push_back(i);
  if (installations.empty()) installations[""];
  for (const auto& installation : installations) {
    InstallationScope scope{installation.first, *so_far.at(installation.first).Current()};
    std::vector<Finding> findings;
    for (size_t i : installation.second) {
      findings.insert(findings.end(), std::make_move_iterator(checked[i].findings.begin()),
                      std::make_move_iterator(checked[i].findings.end()));
    }
    SortFindings(findings);
    AssignFingerprints(findings);
    result.findings.insert(result.findings.end(), std::make_move_iterator(findings.begin()),
                           std::make_move_iterator(findings.end()));
    result.scopes.push_back(std::move(scope));
  }
  result.facts = result.scopes.front().facts;
  // Fingerprints are per file, so they are already given; only the order
  // across installations is left.
  SortFindings(result.findings);
  return result;
}

}  // namespace kestra_lint
