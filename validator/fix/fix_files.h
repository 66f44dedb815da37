// `kestra-lint fix`: applies a scan's certain fixes to the files on disk, or
// prints them as a unified diff. Safe by construction: a file that changed
// since the scan read it is refused, a fixed text that no longer parses is
// never written, and writes are atomic (temporary file in the same folder,
// same permissions, rename).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/disk.h"
#include "pipeline/scan.h"

namespace kestra_lint {

struct FixFilesOptions {
  bool write = true;              // false: print the diff only (--diff, --dry-run)
  DiskInterface* disk = nullptr;  // where the files are; nullptr: the real disk
};

struct FixFilesResult {
  size_t files_changed = 0;  // written, or that would be with write = false
  size_t fixes_applied = 0;
  std::vector<Finding> remaining;  // unsuppressed findings the run did not fix
  bool refused = false;            // a file was refused (changed, unparsable, unwritable)
};

// Fixes the files of `result`, a scan run with keep_texts_to_fix: the texts
// it checked are fixed, and each file is read once more, only to verify it
// did not change since. Diffs (write = false) go to `out`; what was fixed,
// refused and left for a person goes to `log`.
FixFilesResult FixFiles(const ScanResult& result, const FixFilesOptions& options, std::ostream& out,
                        std::ostream& log);

}  // namespace kestra_lint
