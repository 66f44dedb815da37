#include "discover/discover.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "discover/gitignore.h"
#include "discover/installation.h"
#include "extract/source_kind.h"

namespace kestra_lint {
namespace fs = std::filesystem;
namespace {

// A .gitignore larger than this is not read (a hostile tree).
constexpr uint64_t kMaxGitignoreSize = 1 << 20;

bool IsSkippedDirectory(const std::string& name) {
  static const std::set<std::string> kSkipped = {
      ".git",       ".hg",   ".svn",       "node_modules", "build",         "dist",
      "target",     "out",   "vendor",     ".venv",        "venv",          "__pycache__",
      ".terraform", ".idea", ".tox",       ".cache",       "third_party",   "bower_components",
      ".next",      ".nuxt", ".gradle",    ".mypy_cache",  ".pytest_cache", "site-packages",
      "coverage",   ".yarn", ".pnpm-store"};
  return kSkipped.count(name) > 0 || name.rfind("build-", 0) == 0 ||
         name.rfind("cmake-build", 0) == 0;
}

std::string DisplayPath(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  if (text.rfind("./", 0) == 0) text = text.substr(2);
  return text;
}

void Walk(const DiskInterface& disk, const fs::path& directory, const GitignoreRules& inherited,
          std::vector<DiscoveredFile>& files) {
  const std::vector<DirectoryEntry> entries = disk.ListDirectory(directory.string());
  // The folder's own .gitignore, when it has one, adds to its parents'.
  GitignoreRules own;
  const GitignoreRules* ignore = &inherited;
  for (const DirectoryEntry& entry : entries) {
    if (entry.name != ".gitignore" || entry.type != PathType::kFile) continue;
    std::string text;
    if (disk.ReadFile((directory / entry.name).string(), kMaxGitignoreSize, text).status ==
        FileRead::Status::kOk) {
      own = inherited;
      own.Add(DisplayPath(directory), text);
      ignore = &own;
    }
  }
  for (const DirectoryEntry& entry : entries) {
    const fs::path path = directory / entry.name;
    const std::string shown = DisplayPath(path);
    if (entry.symlink) {
      // Linked directories are not walked (loops); other links named like a
      // config file are read, so a dangling or looping one is reported.
      if (entry.type != PathType::kDirectory && IsCandidateFileName(entry.name) &&
          !ignore->Ignored(shown, false)) {
        files.push_back({shown, false});
      }
      continue;
    }
    if (entry.type == PathType::kDirectory) {
      if (!IsSkippedDirectory(entry.name) && !ignore->Ignored(shown, true)) {
        Walk(disk, path, *ignore, files);
      }
    } else if (IsCandidateFileName(entry.name) && !ignore->Ignored(shown, false)) {
      // Non-regular files (FIFOs, sockets) are kept: reading reports them.
      files.push_back({shown, false});
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
      Walk(disk, path, GitignoreRules(), result.files);
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
