// `kestra-lint fix`: applies a scan's certain fixes to the files on disk (or
// to standard input, printed on standard output), or prints them as a
// unified diff. Fixes run to a fixed point in one run: the fixed texts are
// scanned again in memory, since a fix can change what another finding's fix
// may do (its installation's facts), until no fix applies (kMaxFixRounds at
// most). Safe by construction: only files inside the paths given are
// written, never a read-only file or one whose owner could not be kept; a
// file that changed since the scan read it is refused; a fixed text that
// would add a syntax error is never written; writes are atomic (temporary
// file in the same folder, same owner, group and permissions, rename).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "base/disk.h"
#include "pipeline/scan.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

// Scans after the first: a fix that needs more rounds than this is a bug in
// a rule's fixes (two fixes undoing each other); the run stops and says so.
inline constexpr int kMaxFixRounds = 8;

struct FixFilesOptions {
  bool write = true;              // false: print the diff only (--diff, --dry-run)
  DiskInterface* disk = nullptr;  // where the files are written; nullptr: the real disk
  // What the command does to every scan's findings after RunScan (waiving
  // those of a baseline); nothing when unset.
  std::function<void(ScanResult&)> after_scan;
};

struct FixFilesResult {
  size_t files_changed = 0;  // written, or that would be with write = false
  size_t fixes_applied = 0;
  std::vector<Finding> remaining;  // unsuppressed findings the run did not fix
  bool refused = false;  // a file was refused (outside the paths, read-only, changed, unparsable)
};

// Fixes the files of `first`, the result of RunScan(`scan`, `rules`) with
// keep_texts_to_fix (and `after_scan`), taken so that only one scan's
// findings are held at a time. Each file is read once more, only to
// verify it did not change since. Standard input ("-" in scan.paths) is
// fixed onto `out`; diffs (write = false) go to `out`; what was fixed,
// refused and left for a person goes to `log`. Positions of fixed findings,
// and with write = false of those left, are in the text as read; with
// write = true those left point into the text written.
FixFilesResult FixFiles(const ScanOptions& scan, const RuleSet& rules, ScanResult first,
                        const FixFilesOptions& options, std::ostream& out, std::ostream& log);

}  // namespace kestra_lint
