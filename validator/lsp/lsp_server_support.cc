// The language server's shared helpers (see lsp_server_support.h).
#include "lsp/lsp_server_support.h"

#include <filesystem>

#include "base/disk.h"
#include "lsp/lsp_uri.h"
#include "pipeline/lint_config.h"
#include "pipeline/scan.h"

namespace kestra_lint {

namespace fs = std::filesystem;

bool IsConfigFile(const std::string& path) { return fs::path(path).filename() == kConfigFileName; }

std::string DocumentPath(const std::string& uri) {
  const std::string path = PathFromUri(uri);
  return path.empty() ? uri : path;
}

bool InsideAny(const std::vector<std::string>& folders, const std::string& path) {
  const std::filesystem::path file = std::filesystem::path(path).lexically_normal();
  for (const std::string& folder : folders) {
    const std::filesystem::path relative =
        file.lexically_relative(std::filesystem::path(folder).lexically_normal());
    if (!relative.empty() && *relative.begin() != "..") return true;
  }
  return false;
}

std::string InstallationOf(const std::string& path) {
  if (path.empty() || path[0] != '/') return "";
  if (!IsConfigFile(path)) return InstallationRootOf(path);
  // A config file makes its folder an installation, saved yet or not; named
  // as InstallationRootOf names it.
  std::error_code error;
  return fs::relative(fs::path(path).parent_path(), fs::current_path(error), error)
      .generic_string();
}

bool SamePath(const std::string& a, const std::string& b) {
  std::error_code error;
  return fs::absolute(a, error).lexically_normal() == fs::absolute(b, error).lexically_normal();
}

std::optional<std::string> ReadSmallFile(const std::string& path, uint64_t max_size) {
  std::string text;
  if (RealDisk().ReadFile(path, max_size, text).status != FileRead::Status::kOk) {
    return std::nullopt;
  }
  return text;
}

ScanSettings SettingsFrom(const nlohmann::json& options) {
  ScanSettings settings;
  if (!options.is_object()) return settings;
  const std::string edition = options.value("edition", "auto");
  if (edition == "oss" || edition == "ee") settings.edition = edition;
  settings.tenant = options.value("tenant", "");
  const std::string target = options.value("targetVersion", "");
  if (Version::Parse(target)) settings.target_version = target;
  return settings;
}

}  // namespace kestra_lint
