// The language server's shared helpers (see lsp_server_support.h).
#include "lsp/lsp_server_support.h"

#include <filesystem>

#include "base/disk.h"
#include "lsp/lsp_uri.h"
#include "pipeline/lint_config.h"
#include "pipeline/scan.h"

namespace kestra_lint {

namespace fs = std::filesystem;

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
  return path.empty() || path[0] != '/' ? "" : InstallationRootOf(path);
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
  settings.edition =
      ParseRequestedEdition(options.value("edition", "auto")).value_or(RequestedEdition::kAuto);
  settings.tenant = options.value("tenant", "");
  settings.target_version = Version::Parse(options.value("targetVersion", ""));
  settings.from_version = Version::Parse(options.value("fromVersion", ""));
  return settings;
}

}  // namespace kestra_lint
