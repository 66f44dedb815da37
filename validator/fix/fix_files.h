// `kestra-lint fix`: applies a scan's certain fixes to the files on disk, or
// prints them as a unified diff. Safe by construction: a file that changed
// since the scan read it is refused, a fixed text that no longer parses is
// never written, and writes are atomic (temporary file in the same folder,
// same permissions, rename).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pipeline/scan.h"

namespace kestra_lint {

struct FixFilesOptions {
  bool write = true;  // false: print the diff only (--diff, --dry-run)
};

struct FixFilesResult {
  size_t files_changed = 0;  // written, or that would be with write = false
  size_t fixes_applied = 0;
  std::vector<Finding> remaining;  // unsuppressed findings the run did not fix
  bool refused = false;            // a file was refused (changed, unparsable, unwritable)
};

// Fixes the files of `result`. Diffs (write = false) go to `out`; what was
// fixed, refused and left for a person goes to `log`.
FixFilesResult FixFiles(const ScanResult& result, const FixFilesOptions& options, std::ostream& out,
                        std::ostream& log);

// Replaces the file at `path` with `text` atomically, keeping its
// permissions, unless its content is no longer `expected`. False with
// `error` set when refused or failed; the file is then unchanged.
bool ReplaceFileAtomically(const std::string& path, const std::string& expected,
                           const std::string& text, std::string& error);

}  // namespace kestra_lint
