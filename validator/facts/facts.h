// What the whole scan knows before any rule runs: the edition and how it was
// decided, the tenant to suggest, the fallback tenant, the target version.
// A rule about one file uses what another file says through these.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "base/version.h"
#include "extract/scanned_file.h"

namespace kestra_lint {

enum class Edition { kUnknown, kOss, kEe };
const char* EditionName(Edition edition);  // "unknown", "oss", "ee"

// What the user asked for on the command line or in the config file.
struct ScanSettings {
  std::string edition = "auto";  // auto | oss | ee
  std::string tenant;            // --tenant, "" when not given
  std::string target_version;    // --target-version, "" when not given
};

struct Facts {
  Edition edition = Edition::kUnknown;
  std::string edition_source;  // why: "--edition", "kestra.ee.* key at app.yml:3:1", ...
  Version target;
  std::string target_source;  // "--target-version" or "default (latest known)"
  std::string tenant;         // for suggestions; "" when only a placeholder fits
  std::string tenant_source;
  bool has_fallback_tenant = false;
  std::string fallback_tenant;
  std::string fallback_tenant_source;  // "path:line:col"
  bool tenantless_data = false;        // defaultTenant: true or enabled: false somewhere
  bool basic_auth = false;             // basic auth configured somewhere
  bool open_urls_set = false;          // kestra.server.basic-auth.open-urls configured
  std::vector<std::string> open_urls;  // its /api/v1 entries, from every file
  bool env_vars_prefix_set = false;    // kestra.variables.env-vars-prefix configured

  // Every field above, in order: the one list comparing reads. facts_test
  // fails when a field is added to the struct but not here.
  auto Fields() const {
    return std::tie(edition, edition_source, target, target_source, tenant, tenant_source,
                    has_fallback_tenant, fallback_tenant, fallback_tenant_source, tenantless_data,
                    basic_auth, open_urls_set, open_urls, env_vars_prefix_set);
  }
};

// Equal facts make the rules say the same things: a document is checked
// again when its installation's facts are no longer equal.
inline bool operator==(const Facts& a, const Facts& b) { return a.Fields() == b.Fields(); }
inline bool operator!=(const Facts& a, const Facts& b) { return !(a == b); }

// The latest Kestra version the shipped rule packs know.
Version LatestKnownVersion();

// What one file tells the facts, with positions already cited, so that a
// scan can collect it while the file's text is in memory and drop the text.
struct FileFacts {
  std::string ee_evidence;   // "<what> at path:line:col": image first, then a kestra.ee key
  std::string oss_evidence;  // the same for OSS
  bool has_fallback_tenant = false;
  std::string fallback_tenant;
  std::string fallback_tenant_source;
  bool tenantless_data = false;
  bool basic_auth = false;
  bool open_urls_set = false;
  std::vector<std::string> open_urls;
  bool env_vars_prefix_set = false;

  // Every field above, in order (see Facts::Fields).
  auto Fields() const {
    return std::tie(ee_evidence, oss_evidence, has_fallback_tenant, fallback_tenant,
                    fallback_tenant_source, tenantless_data, basic_auth, open_urls_set, open_urls,
                    env_vars_prefix_set);
  }
};

inline bool operator==(const FileFacts& a, const FileFacts& b) { return a.Fields() == b.Fields(); }

FileFacts CollectFileFacts(const ScannedFile& file);

// The one way facts merge: what `later` (a file after those merged into
// `into`, in scan order) adds. The first evidence and fallback tenant win;
// the rest accumulates. Associative, so files can be merged in any grouping.
void MergeFileFacts(FileFacts& into, const FileFacts& later);

// The facts of an installation from what its files told (merged in scan
// order). Settings win over evidence; `target` must already be valid.
Facts DecideFacts(const FileFacts& told, const ScanSettings& settings);

// DecideFacts of the files merged in order.
Facts CombineFacts(const std::vector<FileFacts>& files, const ScanSettings& settings);

// CombineFacts of every file's CollectFileFacts.
Facts ComputeFacts(const std::vector<ScannedFile>& files, const ScanSettings& settings);

}  // namespace kestra_lint
