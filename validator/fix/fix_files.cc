#include "fix/fix_files.h"

#include <limits>
#include <map>

#include "base/sha256.h"
#include "fix/fix.h"
#include "fix/unified_diff.h"

namespace kestra_lint {
namespace {

// Syntax errors and duplicate keys: a fix must not add any.
size_t LoadProblems(const std::string& path, const std::string& text) {
  return ScanText(path, text).problems.size();
}

std::string Where(const Finding& finding) {
  return finding.path + ":" + std::to_string(finding.line) + ":" + std::to_string(finding.column);
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

}  // namespace

FixFilesResult FixFiles(const ScanResult& result, const FixFilesOptions& options, std::ostream& out,
                        std::ostream& log) {
  FixFilesResult summary;
  // Suppressed findings come along unfixed, so no other fix removes them.
  std::map<std::string, std::vector<Finding>> by_path;
  for (const Finding& finding : result.findings) by_path[finding.path].push_back(finding);
  RealDisk real_disk;
  DiskInterface& disk = options.disk != nullptr ? *options.disk : real_disk;
  std::map<std::string, const ScannedFileSummary*> scanned;
  for (const ScannedFileSummary& file : result.files) scanned[file.path] = &file;

  for (const auto& [path, findings] : by_path) {
    bool any_fix = false;
    for (const Finding& finding : findings) {
      any_fix = any_fix || (!finding.suppressed && !finding.fix.empty());
    }
    std::vector<bool> fixed(findings.size(), false);
    std::string refusal;
    const auto file = scanned.find(path);
    if (any_fix &&
        (file == scanned.end() || Sha256Hex(file->second->text) != file->second->sha256)) {
      refusal = "it was not kept by the scan; run fix again";
    }
    if (any_fix && refusal.empty()) {
      const std::string& before = file->second->text;
      const FixOutcome outcome = ApplyFixes(before, findings);
      if (LoadProblems(path, outcome.text) > file->second->load_problems) {
        refusal = "the fixed text would not parse cleanly (syntax error or duplicate key)";
      } else if (outcome.text != before) {
        if (!options.write) {
          refusal = Unchanged(disk, path, before);
          if (refusal.empty()) out << UnifiedDiff(path, before, outcome.edits);
        } else if (!disk.ReplaceFile(path, before, outcome.text, refusal)) {
          refusal = refusal.empty() ? "cannot write it" : refusal;
        }
      }
      if (refusal.empty()) {
        for (size_t i : outcome.applied) fixed[i] = true;
        summary.fixes_applied += outcome.applied.size();
        summary.files_changed += outcome.text != before;
        for (size_t i : outcome.applied) {
          log << (options.write ? "fixed: " : "would fix: ") << Where(findings[i]) << ": "
              << findings[i].message << " [" << findings[i].rule_id << "]\n";
        }
        for (size_t i : outcome.conflicts) {
          log << "not fixed: " << Where(findings[i]) << ": its fix overlaps another one; run "
              << "fix again [" << findings[i].rule_id << "]\n";
        }
        for (size_t i : outcome.touching_suppressed) {
          log << "not fixed: " << Where(findings[i])
              << ": its fix would also remove a suppressed finding [" << findings[i].rule_id
              << "]\n";
        }
      }
    }
    if (!refusal.empty()) {
      summary.refused = true;
      log << "refused: " << path << ": " << refusal << "; nothing written\n";
    }
    for (size_t i = 0; i < findings.size(); ++i) {
      if (fixed[i] || findings[i].suppressed) continue;
      summary.remaining.push_back(findings[i]);
      if (findings[i].fix.empty()) {
        log << "needs a person: " << Where(findings[i]) << ": "
            << SeverityName(findings[i].severity) << ": " << findings[i].message << " ["
            << findings[i].rule_id << "]\n";
      }
    }
  }
  return summary;
}

}  // namespace kestra_lint
