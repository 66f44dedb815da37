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

void Walk(const DiskInterface& disk, const fs::path& directory,
          std::vector<DiscoveredFile>& files) {
  for (const DirectoryEntry& entry : disk.ListDirectory(directory.string())) {
    const fs::path path = directory / entry.name;
    if (entry.symlink) {
      // Linked directories are not walked (loops); other links named like a
      // config file are read, so a dangling or looping one is reported.
      if (entry.type != PathType::kDirectory && IsCandidateFileName(entry.name)) {
        files.push_back({DisplayPath(path), false});
      }
      continue;
    }
    if (entry.type == PathType::kDirectory) {
      if (!IsSkippedDirectory(entry.name)) Walk(disk, path, files);
    } else if (IsCandidateFileName(entry.name)) {
      // Non-regular files (FIFOs, sockets) are kept: reading reports them.
      files.push_back({DisplayPath(path), false});
    }
  }
}

}  // namespace

bool IsCandidateFileName(const std::string& name) {
  if (name == kConfigFileName) return false;  // kestra-lint's own configuration
  return IsSourceFileName(name);
}

DiscoverResult Discover(const std::vector<std::string>& paths, const DiskInterface& disk) {
  DiscoverResult result;
  for (const std::string& path : paths) {
    const PathType type = disk.TypeOf(path);
    if (type == PathType::kMissing) {
      result.errors.push_back(path + ": no such file or directory");
    } else if (type == PathType::kDirectory) {
      Walk(disk, path, result.files);
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
