// What the whole scan knows before any rule runs: the edition and how it was
// decided, the tenant to suggest, the fallback tenant, the target version.
// A rule about one file uses what another file says through these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scanned_file.h"
#include "version.h"

namespace kestra_lint {

enum class Edition { kUnknown, kOss, kEe };
const char* EditionName(Edition edition);  // "unknown", "oss", "ee"

// What the user asked for on the command line or in the config file.
struct ScanSettings {
  std::string edition = "auto";        // auto | oss | ee
  std::string tenant;                  // --tenant, "" when not given
  std::string target_version;          // --target-version, "" when not given
};

struct Facts {
  Edition edition = Edition::kUnknown;
  std::string edition_source;          // why: "--edition", "kestra.ee.* key at app.yml:3:1", ...
  Version target;
  std::string target_source;           // "--target-version" or "default (latest known)"
  std::string tenant;                  // for suggestions; "" when only a placeholder fits
  std::string tenant_source;
  bool has_fallback_tenant = false;
  std::string fallback_tenant;
  std::string fallback_tenant_source;  // "path:line:col"
  bool tenantless_data = false;        // defaultTenant: true or enabled: false somewhere
  bool basic_auth = false;             // basic auth configured somewhere
};

// The latest Kestra version the shipped rule packs know.
Version LatestKnownVersion();

// Computes the facts of a scan from every file's records. Settings win over
// evidence; `target` must already be valid.
Facts ComputeFacts(const std::vector<ScannedFile>& files, const ScanSettings& settings);

}  // namespace kestra_lint
