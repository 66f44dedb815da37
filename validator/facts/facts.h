// What the whole scan knows before any rule runs: the edition and how it was
// decided, the tenant to suggest, the fallback tenant, the target version.
// A rule about one file uses what another file says through these. How each
// was decided is a type; the words for it are made only where printed.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "base/version.h"
#include "extract/edition.h"
#include "extract/scanned_file.h"

namespace kestra_lint {

// The edition asked for (--edition, `edition:` in the config, the editor's
// setting); kAuto decides it from the files' evidence.
enum class RequestedEdition { kAuto, kOss, kEe };

// "auto", "oss" or "ee" (as --edition and the config spell them); nullopt
// for anything else.
std::optional<RequestedEdition> ParseRequestedEdition(const std::string& text);

// What the user asked for on the command line, in the config file or in the
// editor's settings.
struct ScanSettings {
  RequestedEdition edition = RequestedEdition::kAuto;
  std::string tenant;                     // "" when not given
  std::optional<Version> target_version;  // nullopt: the latest known
  std::optional<Version> from_version;    // nullopt: from the files' evidence
};

// How the facts' edition was decided.
enum class EditionSource {
  kSetting,     // --edition (or the config's or the editor's edition)
  kEvidence,    // a file shows it: Facts::edition_evidence
  kNoEvidence,  // auto found nothing: kUnknown
};

enum class TargetSource {
  kSetting,      // --target-version (or the config's or the editor's)
  kLatestKnown,  // nothing given
};

// How the version the installation runs now was decided.
enum class RunningVersionSource {
  kSetting,      // --from-version (or the config's or the editor's fromVersion)
  kEvidence,     // a file shows it: Facts::running_version_evidence
  kConflicting,  // files show different release lines: unknown, and the
                 // evidence names both ends
  kNoEvidence,   // unknown: rules report every change up to the target
};

// Where the tenant for suggestions comes from. Only kSetting lets a rule
// put it in a flow instead of the flow's own tenant.
enum class TenantSource {
  kSetting,         // --tenant (or the config's or the editor's tenant)
  kFallbackTenant,  // Enterprise: the fallbackTenant configured
  kOssMain,         // open-source: always main
  kAssumedMain,     // edition unknown: main, right for open-source only
  kNone,            // Enterprise without a fallbackTenant: no tenant fits
};

struct Facts {
  Edition edition = Edition::kUnknown;
  EditionSource edition_source = EditionSource::kNoEvidence;
  std::string edition_evidence;  // kEvidence: "kestra.ee.* key at app.yml:3:1", ...
  Version target;
  TargetSource target_source = TargetSource::kLatestKnown;
  // The version the installation runs now; a change at or before it is
  // already behind it and not reported.
  std::optional<Version> running_version;
  RunningVersionSource running_version_source = RunningVersionSource::kNoEvidence;
  // kEvidence: "image kestra/kestra:v0.22.3 at a.yml:4:12"; kConflicting:
  // "0.22.3 (image ... at a.yml:4:12) and 1.0.3 (... at b.yml:2:7)".
  std::string running_version_evidence;
  std::string tenant;  // for suggestions; "" when only a placeholder fits
  TenantSource tenant_source = TenantSource::kNone;
  bool has_fallback_tenant = false;
  std::string fallback_tenant;
  std::string fallback_tenant_source;  // "path:line:col"
  bool tenantless_data = false;        // defaultTenant: true or enabled: false somewhere
  bool basic_auth = false;             // kestra.server.basic-auth.enabled: true somewhere
  bool open_urls_set = false;          // kestra.server.basic-auth.open-urls configured
  std::vector<std::string> open_urls;  // its /api/v1 entries, from every file
  bool env_vars_prefix_set = false;    // kestra.variables.env-vars-prefix configured
  // A Terraform `provider "kestra"` block sets tenant_id: the provider sends
  // that tenant whatever release its version constraint installs.
  bool kestra_provider_tenant_set = false;
  // Compose service names, by what their image (interpolated with the .env
  // beside them) is: a URL whose host is one of them is that service's.
  std::vector<std::string> kestra_services;
  std::vector<std::string> other_services;  // another product's image, never also Kestra's

  // Every field above, in order: the one list comparing reads. facts_test
  // fails when a field is added to the struct but not here.
  auto Fields() const {
    return std::tie(edition, edition_source, edition_evidence, target, target_source,
                    running_version, running_version_source, running_version_evidence, tenant,
                    tenant_source, has_fallback_tenant, fallback_tenant, fallback_tenant_source,
                    tenantless_data, basic_auth, open_urls_set, open_urls, env_vars_prefix_set,
                    kestra_provider_tenant_set, kestra_services, other_services);
  }
};

// Equal facts make the rules say the same things: a document is checked
// again when its installation's facts are no longer equal.
inline bool operator==(const Facts& a, const Facts& b) { return a.Fields() == b.Fields(); }
inline bool operator!=(const Facts& a, const Facts& b) { return !(a == b); }

// Why the edition, target version and tenant are what they are, as the
// outputs print it: "--edition ee", "default: latest version the rule packs
// know", "fallbackTenant at values.yaml:3:5", ...
std::string EditionSourceText(const Facts& facts);
std::string TargetSourceText(const Facts& facts);
// "0.22.3 (image kestra/kestra:v0.22.3 at compose.yml:4:12)", "0.22 (--from-version)",
// "unknown (...)", "unknown: the files disagree (...)".
std::string RunningVersionText(const Facts& facts);

// Is a change that `since` introduced between the running version
// (exclusive; unknown: from the start) and the target (inclusive)?
bool InUpgradeRange(const Version& since, const Facts& facts);
std::string TenantSourceText(const Facts& facts);

// The latest Kestra version the shipped rule packs know: the default target.
Version LatestKnownVersion();

// The Kestra release lines the shipped rule packs know (0.20 ... 1.3), oldest
// first. A target must be one of them or a patch release of one.
const std::vector<Version>& KnownReleaseLines();
bool IsKnownRelease(const Version& version);
std::string KnownReleaseLinesText();  // "0.20, 0.21, ..., 1.3"

// A Compose service as a file told it (ComposeService), with its folder, to
// be read with the .env of that folder.
struct ComposeServiceFact {
  std::string folder;  // of the Compose file: "" or "deploy/"
  std::string name;
  std::string image;  // as written, interpolation included
  std::string where;  // the image's "path:line:col"
};

// A variable of a folder's .env (DotenvVariable), with its place.
struct DotenvFact {
  std::string folder;
  std::string name;
  std::string value;
  std::string where;  // "path:line:col" of the name
};

inline bool operator==(const ComposeServiceFact& a, const ComposeServiceFact& b) {
  return std::tie(a.folder, a.name, a.image, a.where) ==
         std::tie(b.folder, b.name, b.image, b.where);
}
inline bool operator==(const DotenvFact& a, const DotenvFact& b) {
  return std::tie(a.folder, a.name, a.value, a.where) ==
         std::tie(b.folder, b.name, b.value, b.where);
}

// What one file tells the facts, with positions already cited, so that a
// scan can collect it while the file's text is in memory and drop the text.
struct FileFacts {
  std::string ee_evidence;   // "<what> at path:line:col": image first, then a kestra.ee key
  std::string oss_evidence;  // the same for OSS
  // The lowest Kestra version an image tag or a chart version shows, and
  // where: with several of one release line, the oldest part of the
  // installation bounds what is already done.
  std::optional<Version> running_version;
  std::string running_version_evidence;
  // The highest, and where: a release line other than the lowest's means
  // the files disagree, and the running version is not guessed.
  std::optional<Version> newest_running_version;
  std::string newest_running_version_evidence;
  bool has_fallback_tenant = false;
  std::string fallback_tenant;
  std::string fallback_tenant_source;
  bool tenantless_data = false;
  bool basic_auth = false;
  bool open_urls_set = false;
  std::vector<std::string> open_urls;
  bool env_vars_prefix_set = false;
  bool kestra_provider_tenant_set = false;
  // Compose services and .env variables, which DecideFacts reads together:
  // an image interpolated from .env is evidence only with that .env.
  std::vector<ComposeServiceFact> compose_services;
  std::vector<DotenvFact> dotenv_variables;

  // Every field above, in order (see Facts::Fields).
  auto Fields() const {
    return std::tie(ee_evidence, oss_evidence, running_version, running_version_evidence,
                    newest_running_version, newest_running_version_evidence, has_fallback_tenant,
                    fallback_tenant, fallback_tenant_source, tenantless_data, basic_auth,
                    open_urls_set, open_urls, env_vars_prefix_set, kestra_provider_tenant_set,
                    compose_services, dotenv_variables);
  }
};

inline bool operator==(const FileFacts& a, const FileFacts& b) { return a.Fields() == b.Fields(); }

FileFacts CollectFileFacts(const ScannedFile& file);

// The one way facts merge: what `later` (a file after those merged into
// `into`, in scan order) adds. The first evidence and fallback tenant win;
// the lowest and the highest running version are kept (the first of equal
// ones); the rest accumulates. Associative, so
// files can be merged in any grouping.
void MergeFileFacts(FileFacts& into, const FileFacts& later);

// The facts of an installation from what its files told (merged in scan
// order). Settings win over evidence; `target` must already be valid.
Facts DecideFacts(const FileFacts& told, const ScanSettings& settings);

// DecideFacts of the files merged in order.
Facts CombineFacts(const std::vector<FileFacts>& files, const ScanSettings& settings);

// CombineFacts of every file's CollectFileFacts.
Facts ComputeFacts(const std::vector<ScannedFile>& files, const ScanSettings& settings);

}  // namespace kestra_lint
