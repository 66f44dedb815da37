#include "fix/fix_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "fix/fix.h"
#include "base/sha256.h"
#include "fix/unified_diff.h"

namespace kestra_lint {
namespace {

bool ReadWhole(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  text = bytes.str();
  return true;
}

// Syntax errors and duplicate keys: a fix must not add any.
size_t LoadProblems(const std::string& path, const std::string& text) {
  return ScanText(path, text).problems.size();
}

std::string Where(const Finding& finding) {
  return finding.path + ":" + std::to_string(finding.line) + ":" + std::to_string(finding.column);
}

bool WriteAll(int fd, const std::string& text) {
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool ReplaceFileAtomically(const std::string& link_or_file, const std::string& expected,
                           const std::string& text, std::string& error) {
  // A symlink stays a symlink: the file it points to is replaced.
  std::error_code resolve_error;
  const std::string path = std::filesystem::is_symlink(link_or_file, resolve_error)
                               ? std::filesystem::canonical(link_or_file, resolve_error).string()
                               : link_or_file;
  if (resolve_error) {
    error = "cannot resolve the symlink: " + resolve_error.message();
    return false;
  }
  std::string current;
  if (!ReadWhole(path, current)) {
    error = "cannot read it again";
    return false;
  }
  if (current != expected) {
    error = "it changed since it was read; run fix again";
    return false;
  }
  struct stat status {};
  if (stat(path.c_str(), &status) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (status.st_nlink > 1) {
    error = "it has " + std::to_string(status.st_nlink) +
            " hard links, which replacing it would break; apply the diff (--diff) by hand";
    return false;
  }
  const size_t slash = path.find_last_of('/');
  const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temporary = folder + "/." + name + ".kestra-lint-XXXXXX";
  const int fd = mkstemp(temporary.data());
  if (fd < 0) {
    error = std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    return false;
  }
  const bool written =
      fchmod(fd, status.st_mode & 07777) == 0 && WriteAll(fd, text) && fsync(fd) == 0;
  const int saved_errno = errno;
  const bool closed = close(fd) == 0;
  if (!written || !closed) {
    unlink(temporary.c_str());
    error = std::string("cannot write: ") + std::strerror(written ? errno : saved_errno);
    return false;
  }
  // Last look before the rename narrows the window for a concurrent edit.
  if (!ReadWhole(path, current) || current != expected) {
    unlink(temporary.c_str());
    error = "it changed since it was read; run fix again";
    return false;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    error = std::string("cannot replace it: ") + std::strerror(errno);
    unlink(temporary.c_str());
    return false;
  }
  return true;
}

FixFilesResult FixFiles(const ScanResult& result, const FixFilesOptions& options, std::ostream& out,
                        std::ostream& log) {
  FixFilesResult summary;
  // Suppressed findings come along unfixed, so no other fix removes them.
  std::map<std::string, std::vector<Finding>> by_path;
  for (const Finding& finding : result.findings) by_path[finding.path].push_back(finding);
  std::map<std::string, std::string> scanned_sha256;
  for (const ScannedFileSummary& file : result.files) scanned_sha256[file.path] = file.sha256;

  for (const auto& [path, findings] : by_path) {
    bool any_fix = false;
    for (const Finding& finding : findings) {
      any_fix = any_fix || (!finding.suppressed && !finding.fix.empty());
    }
    std::vector<bool> fixed(findings.size(), false);
    std::string refusal;
    std::string before;
    if (any_fix) {
      if (!ReadWhole(path, before)) {
        refusal = "cannot read it";
      } else if (Sha256Hex(before) != scanned_sha256[path]) {
        refusal = "it changed since it was read; run fix again";
      }
    }
    if (any_fix && refusal.empty()) {
      const FixOutcome outcome = ApplyFixes(before, findings);
      if (LoadProblems(path, outcome.text) > LoadProblems(path, before)) {
        refusal = "the fixed text would not parse cleanly (syntax error or duplicate key)";
      } else if (outcome.text != before) {
        if (!options.write) {
          out << UnifiedDiff(path, before, outcome.edits);
        } else if (!ReplaceFileAtomically(path, before, outcome.text, refusal)) {
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
