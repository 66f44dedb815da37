#include "discover/discover.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "discover/installation.h"
#include "extract/source_kind.h"

namespace kestra_lint {
namespace fs = std::filesystem;
namespace {

bool IsSkippedDirectory(const std::string& name) {
  static const std::set<std::string> kSkipped = {
      ".git",       ".hg",   ".svn",   "node_modules", "build",      "dist",
      "target",     "out",   "vendor", ".venv",        "venv",       "__pycache__",
      ".terraform", ".idea", ".tox",   ".cache",       "third_party"};
  return kSkipped.count(name) > 0 || name.rfind("build-", 0) == 0 ||
         name.rfind("cmake-build", 0) == 0;
}

std::string DisplayPath(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  if (text.rfind("./", 0) == 0) text = text.substr(2);
  return text;
}

void Walk(const fs::path& directory, std::vector<DiscoveredFile>& files) {
  std::error_code error;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, error),
       end;
       !error && it != end; it.increment(error)) {
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path().filename().string() < b.path().filename().string();
            });
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    std::error_code status_error;
    if (entry.is_symlink(status_error)) {
      // Linked directories are not walked (loops); other links named like a
      // config file are read, so a dangling or looping one is reported.
      if (!fs::is_directory(entry.path(), status_error) && IsCandidateFileName(name)) {
        files.push_back({DisplayPath(entry.path()), false});
      }
      continue;
    }
    if (entry.is_directory(status_error)) {
      if (!IsSkippedDirectory(name)) Walk(entry.path(), files);
    } else if (IsCandidateFileName(name)) {
      // Non-regular files (FIFOs, sockets) are kept: reading reports them.
      files.push_back({DisplayPath(entry.path()), false});
    }
  }
}

}  // namespace

bool IsCandidateFileName(const std::string& name) {
  if (name == kConfigFileName) return false;  // kestra-lint's own configuration
  return IsSourceFileName(name);
}

DiscoverResult Discover(const std::vector<std::string>& paths) {
  DiscoverResult result;
  for (const std::string& path : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      result.errors.push_back(path + ": no such file or directory");
    } else if (fs::is_directory(status)) {
      Walk(path, result.files);
    } else {
      result.files.push_back({DisplayPath(path), true});
    }
  }
  // A file reached through two of the given paths is checked once.
  std::set<std::string> seen;
  std::vector<DiscoveredFile> unique;
  for (DiscoveredFile& file : result.files) {
    if (seen.insert(file.path).second) unique.push_back(std::move(file));
  }
  result.files = std::move(unique);
  return result;
}

}  // namespace kestra_lint
