#include "fix/fix_files.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <utility>

#include "base/sha256.h"
#include "base/source_text.h"
#include "fix/edit_history.h"
#include "fix/fix.h"
#include "fix/unified_diff.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

// Syntax errors and duplicate keys: a fix must not add any.
size_t LoadProblems(const std::string& path, const std::string& text) {
  return ScanText(path, text).problems.size();
}

std::string Where(const std::string& path, const Position& at) {
  return path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Without writing (a diff): the one read, to verify the file is still the
// text the scan checked.
std::string Unchanged(const DiskInterface& disk, const std::string& path,
                      const std::string& scanned) {
  std::string current;
  if (disk.ReadFile(path, std::numeric_limits<uint64_t>::max(), current).status !=
      FileRead::Status::kOk) {
    return "cannot read it";
  }
  return current == scanned ? "" : "it changed since it was read; run fix again";
}

// The scanned disk with the files fixed so far holding their fixed texts,
// found by real path so a symlink reads what its target now holds.
class FixedTextsDisk : public DiskInterface {
 public:
  FixedTextsDisk(const DiskInterface& below, const std::map<std::string, std::string>& by_real)
      : below_(below), by_real_(by_real) {}

  PathType TypeOf(const std::string& path) const override { return below_.TypeOf(path); }
  std::vector<DirectoryEntry> ListDirectory(const std::string& path) const override {
    return below_.ListDirectory(path);
  }
  FileRead ReadFile(const std::string& path, uint64_t max_size, std::string& text) const override {
    const auto found = by_real_.find(below_.RealPath(path));
    if (found == by_real_.end()) return below_.ReadFile(path, max_size, text);
    return ReadHeldText(found->second, max_size, text);
  }
  std::string RealPath(const std::string& path) const override { return below_.RealPath(path); }
  std::string WhyNotReplaceable(const std::string&) const override { return "held in memory"; }
  bool ReplaceFile(const std::string&, const std::string&, const std::string&,
                   std::string& error) override {
    error = "held in memory";
    return false;
  }

 private:
  const DiskInterface& below_;
  const std::map<std::string, std::string>& by_real_;
};

// Where fix may write: the files whose real path (symlinks resolved) lies
// inside a path given, each once. A symlink to a file inside is followed
// (the link stays); one to a file outside is refused; when a file is
// scanned under several names (a link and its target), it is fixed under
// one, its own name when it was scanned under it.
class WritePolicy {
 public:
  WritePolicy(const DiskInterface& disk, const std::vector<std::string>& paths) : disk_(disk) {
    for (const std::string& path : paths) {
      if (path == "-") continue;
      std::string real = disk_.RealPath(path);
      if (!real.empty()) roots_.push_back(std::move(real));
    }
  }

  // "" when fix may write the file scanned as `path`; else why not. `alias`
  // is set when the file is fixed under another name.
  std::string WhyNot(const std::string& path, const std::vector<ScannedFileSummary>& files,
                     bool& alias) {
    alias = false;
    const std::string& real = RealOf(path);
    if (real.empty()) return "cannot resolve its path";
    if (!Inside(real)) {
      return "it is a symlink to " + real +
             ", outside the paths given; fix writes only inside "
             "them (name the target to fix it)";
    }
    const std::string& owner = OwnerOf(real, files);
    if (owner != path) {
      alias = true;
      return "it is the file " + owner + ", fixed under that name";
    }
    const auto found = replaceable_.find(real);
    if (found != replaceable_.end()) return found->second;
    return replaceable_.emplace(real, disk_.WhyNotReplaceable(real)).first->second;
  }

  const std::string& RealOf(const std::string& path) {
    auto found = real_.find(path);
    if (found == real_.end()) found = real_.emplace(path, disk_.RealPath(path)).first;
    return found->second;
  }

 private:
  bool Inside(const std::string& real) const {
    return std::any_of(roots_.begin(), roots_.end(), [&](const std::string& root) {
      if (real == root) return true;
      if (root == ".") return real.rfind("../", 0) != 0 && real.front() != '/';
      const std::string prefix = root.back() == '/' ? root : root + "/";
      return real.compare(0, prefix.size(), prefix) == 0;
    });
  }

  bool IsLink(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    const std::string folder = disk_.RealPath(parent.empty() ? "." : parent.string());
    return folder.empty() ||
           (fs::path(folder) / fs::path(path).filename()).lexically_normal().generic_string() !=
               RealOf(path);
  }

  const std::string& OwnerOf(const std::string& real,
                             const std::vector<ScannedFileSummary>& files) {
    if (owners_.empty()) {
      std::map<std::string, std::vector<std::string>> names;
      for (const ScannedFileSummary& file : files) {
        const std::string& file_real = RealOf(file.path);
        if (!file_real.empty()) names[file_real].push_back(file.path);
      }
      for (auto& [file_real, paths] : names) {
        const auto own = std::find_if(paths.begin(), paths.end(),
                                      [&](const std::string& p) { return !IsLink(p); });
        owners_[file_real] = own != paths.end() ? *own : paths.front();
      }
    }
    static const std::string kNone;
    const auto found = owners_.find(real);
    return found == owners_.end() ? kNone : found->second;
  }

  const DiskInterface& disk_;
  std::vector<std::string> roots_;
  std::map<std::string, std::string> real_;         // path as scanned -> real path
  std::map<std::string, std::string> owners_;       // real path -> the name it is fixed under
  std::map<std::string, std::string> replaceable_;  // real path -> WhyNotReplaceable
};

// A file fix changed: the text first read, the text now, and how one
// became the other.
struct FixedFile {
  explicit FixedFile(const std::string& text) : original(text), text(text), history(text.size()) {}
  std::string original;
  std::string text;
  EditHistory history;
  size_t fixes = 0;
  std::vector<std::string> fixed;  // the log lines of its fixes
};

class FixRun {
 public:
  FixRun(const ScanOptions& scan, const FixFilesOptions& options, DiskInterface& disk)
      : scan_(scan),
        options_(options),
        disk_(disk),
        policy_(disk, scan.paths),
        reads_stdin_(std::count(scan.paths.begin(), scan.paths.end(), "-") > 0) {}

  // One round over the findings of a scan of the current texts; false when
  // it changed no text (the fixed point).
  bool Round(const ScanResult& result) {
    std::map<std::string, const ScannedFileSummary*> scanned;
    for (const ScannedFileSummary& file : result.files) scanned[file.path] = &file;
    refusals_.clear();
    aliases_.clear();
    notes_.clear();
    bool changed = false;
    // Findings come sorted by path: each file's are one run of them.
    const auto end = result.findings.end();
    for (auto run = result.findings.begin(), run_end = run; run != end; run = run_end) {
      const std::string& path = run->path;
      run_end =
          std::find_if(run, end, [&](const Finding& finding) { return finding.path != path; });
      if (std::none_of(run, run_end, IsFixable)) continue;
      if (const auto stuck = stuck_.find(path); stuck != stuck_.end()) {
        refusals_[path] = stuck->second;
        continue;
      }
      if (!IsStdin(path)) {
        bool alias = false;
        const std::string why = policy_.WhyNot(path, result.files, alias);
        if (!why.empty()) {
          (alias ? aliases_ : refusals_)[path] = why;
          continue;
        }
      }
      const auto file = scanned.find(path);
      if (file == scanned.end() || Sha256Hex(file->second->text) != file->second->sha256) {
        refusals_[path] = "it was not kept by the scan; run fix again";
        continue;
      }
      const std::string& before = file->second->text;
      // Suppressed findings come along unfixed, so no other fix removes them.
      const std::vector<Finding> findings(run, run_end);
      const FixOutcome outcome = ApplyFixes(before, findings);
      for (size_t i : outcome.touching_suppressed) {
        notes_.push_back("not fixed: " + Where(path, {findings[i].line, findings[i].column}) +
                         ": its fix would also remove a suppressed finding [" +
                         findings[i].rule_id + "]");
      }
      if (outcome.text == before) continue;
      if (LoadProblems(path, outcome.text) > file->second->load_problems) {
        stuck_[path] = "the fixed text would not parse cleanly (syntax error or duplicate key)";
        refusals_[path] = stuck_[path];
        continue;
      }
      FixedFile& fixed = files_.try_emplace(path, before).first->second;
      const SourceText now(before);
      const SourceText first(fixed.original);
      for (size_t i : outcome.applied) {
        const Finding& finding = findings[i];
        const size_t at =
            fixed.history.ToOriginal(now.OffsetOfColumn(finding.line, finding.column));
        fixed.fixed.push_back((options_.write ? "fixed: " : "would fix: ") +
                              Where(path, first.PositionAt(at)) + ": " + finding.message + " [" +
                              finding.rule_id + "]");
      }
      fixed.history.Apply(outcome.edits);
      fixed.text = outcome.text;
      fixed.fixes += outcome.applied.size();
      if (!IsStdin(path)) by_real_[policy_.RealOf(path)] = outcome.text;
      changed = true;
    }
    return changed;
  }

  // The scan of the texts fixed so far.
  ScanResult Rescan(const RuleSet& rules) const {
    RealDisk real_disk;
    const FixedTextsDisk fixed(scan_.disk != nullptr ? *scan_.disk : real_disk, by_real_);
    ScanOptions again = scan_;
    again.disk = &fixed;
    if (reads_stdin_) again.stdin_text = StdinText();
    ScanResult result = RunScan(again, rules);
    if (options_.after_scan) options_.after_scan(result);
    return result;
  }

  // Writes (or prints the diffs of) the fixed files and logs the outcome;
  // `last` is the scan of the final texts.
  FixFilesResult Finish(const ScanResult& last, bool settled, std::ostream& out,
                        std::ostream& log) {
    FixFilesResult summary;
    for (auto& [path, fixed] : files_) {
      if (fixed.text == fixed.original) continue;
      std::string error;
      if (IsStdin(path)) {
        if (!options_.write) out << UnifiedDiff(path, fixed.original, fixed.history.Edits());
      } else if (options_.write) {
        if (!disk_.ReplaceFile(policy_.RealOf(path), fixed.original, fixed.text, error)) {
          error = error.empty() ? "cannot write it" : error;
        }
      } else {
        error = Unchanged(disk_, path, fixed.original);
        if (error.empty()) out << UnifiedDiff(path, fixed.original, fixed.history.Edits());
      }
      if (!error.empty()) {
        summary.refused = true;
        log << "refused: " << path << ": " << error << "; nothing written\n";
        continue;
      }
      ++summary.files_changed;
      summary.fixes_applied += fixed.fixes;
      for (const std::string& line : fixed.fixed) log << line << "\n";
    }
    if (reads_stdin_ && options_.write) out << StdinText();
    for (const auto& [path, why] : refusals_) {
      summary.refused = true;
      const bool partly = files_.count(path) && files_.at(path).text != files_.at(path).original;
      log << "refused: " << path << ": " << why
          << (partly ? "; only the fixes before that are applied" : "; nothing written") << "\n";
    }
    for (const auto& [path, why] : aliases_) log << "not fixed: " << path << ": " << why << "\n";
    for (const std::string& note : notes_) log << note << "\n";
    if (!settled) {
      summary.refused = true;
      log << "kestra-lint: the fixes did not settle within " << kMaxFixRounds
          << " rounds (two fixes undo each other); the last round's texts stand, run fix again "
          << "and report the files\n";
    }
    // The fixed and the first text of the file whose findings are placed,
    // made once per file (findings come sorted by path).
    const std::string* texts_of = nullptr;
    SourceText now;
    SourceText original;
    for (const Finding& finding : last.findings) {
      if (finding.suppressed) continue;
      Finding left = finding;
      const auto fixed = files_.find(finding.path);
      // Without a write, the text the user has is the one read.
      if (!options_.write && fixed != files_.end()) {
        if (texts_of != &fixed->first) {
          now = SourceText(fixed->second.text);
          original = SourceText(fixed->second.original);
          texts_of = &fixed->first;
        }
        const Position at = original.PositionAt(
            fixed->second.history.ToOriginal(now.OffsetOfColumn(finding.line, finding.column)));
        left.line = at.line;
        left.column = at.column;
      }
      if (left.fix.empty()) {
        log << "needs a person: " << Where(left.path, {left.line, left.column}) << ": "
            << SeverityName(left.severity) << ": " << left.message << " [" << left.rule_id << "]\n";
      }
      summary.remaining.push_back(std::move(left));
    }
    return summary;
  }

 private:
  bool IsStdin(const std::string& path) const {
    return reads_stdin_ && path == scan_.stdin_filename;
  }
  std::string StdinText() const {
    const auto fixed = files_.find(scan_.stdin_filename);
    return fixed != files_.end() ? fixed->second.text : scan_.stdin_text;
  }

  const ScanOptions& scan_;
  const FixFilesOptions& options_;
  DiskInterface& disk_;
  WritePolicy policy_;
  const bool reads_stdin_;
  std::map<std::string, FixedFile> files_;       // by path as scanned
  std::map<std::string, std::string> by_real_;   // real path -> fixed text
  std::map<std::string, std::string> stuck_;     // path -> why it takes no more fixes
  std::map<std::string, std::string> refusals_;  // of the last round: path -> why
  std::map<std::string, std::string> aliases_;   // of the last round: path -> its other name
  std::vector<std::string> notes_;               // of the last round
};

}  // namespace

FixFilesResult FixFiles(const ScanOptions& scan, const RuleSet& rules, ScanResult first,
                        const FixFilesOptions& options, std::ostream& out, std::ostream& log) {
  RealDisk real_disk;
  FixRun run(scan, options, options.disk != nullptr ? *options.disk : real_disk);
  ScanResult current = std::move(first);
  bool settled = false;
  for (int round = 0;; ++round) {
    if (round > 0) {
      current = ScanResult();  // one scan's findings in memory at a time
      current = run.Rescan(rules);
    }
    if (round == kMaxFixRounds) break;
    if (!run.Round(current)) {
      settled = true;
      break;
    }
  }
  return run.Finish(current, settled, out, log);
}

}  // namespace kestra_lint
