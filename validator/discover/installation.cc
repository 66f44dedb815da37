#include "discover/installation.h"

#include <filesystem>

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

// The absolute folder at or above `folder` (absolute) that holds a
// .kestra-lint.yaml; empty when none does.
fs::path NearestConfigFolder(fs::path folder) {
  std::error_code error;
  for (; !folder.empty(); folder = folder.parent_path()) {
    if (fs::is_regular_file(folder / kConfigFileName, error)) return folder;
    if (folder == folder.root_path()) break;
  }
  return {};
}

// Without a .kestra-lint.yaml at or above `folder`: the nearest folder at or
// above it with a .git entry (a repository, a worktree or a submodule), so
// two repositories checked in one run never share facts; empty when none.
fs::path NearestRootFolder(const fs::path& folder) {
  const fs::path config = NearestConfigFolder(folder);
  if (!config.empty()) return config;
  std::error_code error;
  for (fs::path at = folder; !at.empty(); at = at.parent_path()) {
    if (fs::exists(at / ".git", error)) return at;
    if (at == at.root_path()) break;
  }
  return {};
}

}  // namespace

bool IsConfigFile(const std::string& path) { return fs::path(path).filename() == kConfigFileName; }

std::string InstallationRootOf(const std::string& path) {
  std::error_code error;
  const fs::path folder = fs::absolute(path, error).parent_path();
  if (error) return "";
  const fs::path root = IsConfigFile(path) ? folder : NearestRootFolder(folder);
  if (root.empty()) return "";
  return fs::relative(root, fs::current_path(error), error).generic_string();
}

std::string FindConfigFile(const std::string& start) {
  std::error_code error;
  fs::path folder = fs::absolute(start.empty() || start == "-" ? "." : start, error);
  if (!fs::is_directory(folder, error)) folder = folder.parent_path();
  const fs::path root = NearestConfigFolder(folder.lexically_normal());
  if (root.empty()) return "";
  const fs::path file = root / kConfigFileName;
  const fs::path relative = file.lexically_relative(fs::current_path(error));
  const bool inside = !relative.empty() && *relative.begin() != "..";
  return (inside ? relative : file).generic_string();
}

std::string ConfigFileOf(const std::string& root) {
  return (fs::path(root) / kConfigFileName).generic_string();
}

bool HasConfigFile(const std::string& root) {
  std::error_code error;
  return !root.empty() && fs::exists(fs::path(root) / kConfigFileName, error);
}

}  // namespace kestra_lint
