#include "facts/facts.h"

#include <algorithm>

#include "extract/compose_interpolation.h"
#include "extract/deployment_yaml.h"
#include "extract/property_name.h"
#include "facts/chart_versions.h"
#include "facts/tenant_id.h"

namespace kestra_lint {
namespace {

std::string Where(const ScannedFile& file, const Span& span) {
  const Position position = file.source.PositionAt(span.begin);
  return file.path + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

bool IsTrue(const std::string& value) {
  return value == "true" || value == "True" || value == "TRUE";
}
bool IsFalse(const std::string& value) {
  return value == "false" || value == "False" || value == "FALSE";
}

bool Sets(const PropertyRecord& record, std::initializer_list<const char*> properties) {
  for (const char* property : properties) {
    if (PropertyMatches(record, property, false)) return true;
  }
  return false;
}

// Patch releases of one line make the same changes (the packs name lines),
// so only different lines are conflicting evidence.
bool SameReleaseLine(const Version& a, const Version& b) {
  return a.major == b.major && a.minor == b.minor;
}

constexpr std::string_view kOpenUrls = "kestra.server.basic-auth.open-urls";

bool IsEeKey(const PropertyRecord& record) { return PropertyMatches(record, "kestra.ee", true); }

}  // namespace

std::optional<RequestedEdition> ParseRequestedEdition(const std::string& text) {
  if (text == "auto") return RequestedEdition::kAuto;
  if (text == "oss") return RequestedEdition::kOss;
  if (text == "ee") return RequestedEdition::kEe;
  return std::nullopt;
}

// The route tables of rules/routes/ reach 1.3, the newest release line.
const std::vector<Version>& KnownReleaseLines() {
  static const std::vector<Version> lines = {{0, 20, 0}, {0, 21, 0}, {0, 22, 0},
                                             {0, 23, 0}, {0, 24, 0}, {1, 0, 0},
                                             {1, 1, 0},  {1, 2, 0},  {1, 3, 0}};
  return lines;
}

Version LatestKnownVersion() { return KnownReleaseLines().back(); }

bool IsKnownRelease(const Version& version) {
  for (const Version& line : KnownReleaseLines()) {
    if (line.major == version.major && line.minor == version.minor) return true;
  }
  return false;
}

std::string KnownReleaseLinesText() {
  std::string text;
  for (const Version& line : KnownReleaseLines()) {
    text += (text.empty() ? "" : ", ") + line.ToString();
  }
  return text;
}

FileFacts CollectFileFacts(const ScannedFile& file) {
  FileFacts facts;
  // Entries of open-urls: YAML list items are URI records of that property;
  // a .properties or environment value is one comma-separated string.
  for (const PropertyRecord& record : file.properties) {
    if (!PropertyMatches(record, kOpenUrls, false)) continue;
    facts.open_urls_set = true;
    size_t at = 0;
    while (record.has_scalar_value && at <= record.value.size()) {
      const size_t comma = std::min(record.value.find(',', at), record.value.size());
      const std::string entry = record.value.substr(at, comma - at);
      if (entry.find("/api/v1") != std::string::npos) facts.open_urls.push_back(entry);
      at = comma + 1;
    }
  }
  for (const UriRecord& uri : file.uris) {
    if (PathNamesProperty(uri.property, kOpenUrls)) facts.open_urls.push_back(uri.text);
  }
  for (const PropertyRecord& record : file.properties) {
    if (PropertyMatches(record, "kestra.variables.env-vars-prefix", false)) {
      facts.env_vars_prefix_set = true;
    }
  }
  facts.kestra_provider_tenant_set = file.kestra_provider_tenant_set;
  for (const EditionEvidence& evidence : file.evidence) {
    std::string& slot = evidence.edition == Edition::kEe ? facts.ee_evidence : facts.oss_evidence;
    if (slot.empty()) slot = evidence.description + " at " + Where(file, evidence.span);
  }
  FileFacts told;  // each piece of evidence, merged as files are
  auto tell = [&](const Version& version, const std::string& evidence) {
    told.running_version = told.newest_running_version = version;
    told.running_version_evidence = told.newest_running_version_evidence = evidence;
    MergeFileFacts(facts, told);
  };
  for (const VersionEvidence& evidence : file.running_versions) {
    tell(evidence.version, evidence.description + " at " + Where(file, evidence.span));
  }
  for (const VersionEvidence& evidence : file.chart_versions) {
    if (const std::optional<Version> kestra = KestraVersionOfChart(evidence.version)) {
      tell(*kestra, evidence.description + ", which ships Kestra " + kestra->ToString() + ", at " +
                        Where(file, evidence.span));
    }
  }
  const std::string folder = file.path.substr(0, file.path.rfind('/') + 1);
  for (const ComposeService& service : file.compose_services) {
    facts.compose_services.push_back(
        {folder, service.name, service.image,
         service.image.empty() ? "" : Where(file, service.image_span)});
  }
  for (const DotenvVariable& variable : file.dotenv_variables) {
    facts.dotenv_variables.push_back(
        {folder, variable.name, variable.value, Where(file, variable.span)});
  }
  for (const PropertyRecord& record : file.properties) {
    if (facts.ee_evidence.empty() && IsEeKey(record)) {
      facts.ee_evidence = "Enterprise property " +
                          (record.written.empty() ? record.spelled : record.written) + " at " +
                          Where(file, record.key_span);
    }
    if (record.has_scalar_value && Sets(record, {"kestra.ee.tenants.fallback-tenant"}) &&
        !facts.has_fallback_tenant && IsValidTenantId(record.value)) {
      facts.has_fallback_tenant = true;
      facts.fallback_tenant = record.value;
      facts.fallback_tenant_source = Where(file, record.key_span);
    }
    if (record.has_scalar_value &&
        ((Sets(record, {"kestra.ee.tenants.default-tenant", "kestra.tenants.default-tenant"}) &&
          IsTrue(record.value)) ||
         (Sets(record, {"kestra.ee.tenants.enabled", "kestra.tenants.enabled"}) &&
          IsFalse(record.value)))) {
      facts.tenantless_data = true;
    }
    // Before 0.24 only `enabled: true` turns basic auth on (BasicAuthService):
    // a username alone does not.
    if (Sets(record, {"kestra.server.basic-auth.enabled"}) && IsTrue(record.value)) {
      facts.basic_auth = true;
    }
  }
  return facts;
}

Facts ComputeFacts(const std::vector<ScannedFile>& files, const ScanSettings& settings) {
  std::vector<FileFacts> collected;
  collected.reserve(files.size());
  for (const ScannedFile& file : files) collected.push_back(CollectFileFacts(file));
  return CombineFacts(collected, settings);
}

void MergeFileFacts(FileFacts& into, const FileFacts& later) {
  if (into.ee_evidence.empty()) into.ee_evidence = later.ee_evidence;
  if (into.oss_evidence.empty()) into.oss_evidence = later.oss_evidence;
  if (later.running_version &&
      (!into.running_version || *later.running_version < *into.running_version)) {
    into.running_version = later.running_version;
    into.running_version_evidence = later.running_version_evidence;
  }
  if (later.newest_running_version &&
      (!into.newest_running_version ||
       *into.newest_running_version < *later.newest_running_version)) {
    into.newest_running_version = later.newest_running_version;
    into.newest_running_version_evidence = later.newest_running_version_evidence;
  }
  if (!into.has_fallback_tenant && later.has_fallback_tenant) {
    into.has_fallback_tenant = true;
    into.fallback_tenant = later.fallback_tenant;
    into.fallback_tenant_source = later.fallback_tenant_source;
  }
  into.tenantless_data = into.tenantless_data || later.tenantless_data;
  into.basic_auth = into.basic_auth || later.basic_auth;
  into.open_urls_set = into.open_urls_set || later.open_urls_set;
  into.open_urls.insert(into.open_urls.end(), later.open_urls.begin(), later.open_urls.end());
  into.env_vars_prefix_set = into.env_vars_prefix_set || later.env_vars_prefix_set;
  into.kestra_provider_tenant_set =
      into.kestra_provider_tenant_set || later.kestra_provider_tenant_set;
  into.compose_services.insert(into.compose_services.end(), later.compose_services.begin(),
                               later.compose_services.end());
  into.dotenv_variables.insert(into.dotenv_variables.end(), later.dotenv_variables.begin(),
                               later.dotenv_variables.end());
}

Facts CombineFacts(const std::vector<FileFacts>& files, const ScanSettings& settings) {
  FileFacts told;
  for (const FileFacts& file : files) MergeFileFacts(told, file);
  return DecideFacts(told, settings);
}

namespace {

// The Compose services of `told`, their images interpolated as Compose does
// with the .env of their folder: which service names are Kestra's, and what an
// interpolated image adds to the evidence (a literal image's own evidence the
// Compose file already gave).
void ReadComposeServices(const FileFacts& told, FileFacts& evidence, Facts& facts) {
  for (const ComposeServiceFact& service : told.compose_services) {
    std::vector<std::string> cited;
    const Interpolated image = InterpolateCompose(
        service.image, [&](const std::string& name) -> std::optional<std::string> {
          for (const DotenvFact& variable : told.dotenv_variables) {
            if (variable.folder != service.folder || variable.name != name) continue;
            cited.push_back(variable.name + "=" + variable.value + " at " + variable.where);
            return variable.value;
          }
          return std::nullopt;
        });
    if (service.image.empty()) continue;
    // Compose reads an unset variable as empty (kestra/kestra:${TAG} is
    // still Kestra's image), but what it leaves out may be what names it.
    const std::optional<Edition> edition = KestraImageEdition(image.text);
    if (!edition) {
      if (!image.unresolved) facts.other_services.push_back(service.name);
      continue;
    }
    facts.kestra_services.push_back(service.name);
    if (service.image.find('$') == std::string::npos) continue;
    std::string description = "image " + service.image + " = " + image.text;
    for (size_t i = 0; i < cited.size(); ++i) description += (i == 0 ? " (" : ", ") + cited[i];
    description += (cited.empty() ? " (defaults) at " : ") at ") + service.where;
    std::string& slot = *edition == Edition::kEe ? evidence.ee_evidence : evidence.oss_evidence;
    if (slot.empty()) slot = description;
    const std::optional<Version> version =
        image.unresolved ? std::nullopt : Version::ParseImageTag(TagOfImage(image.text));
    if (version && (!evidence.running_version || *version < *evidence.running_version)) {
      evidence.running_version = version;
      evidence.running_version_evidence = description;
    }
  }
  // A name that is Kestra's somewhere is not another product's.
  auto& others = facts.other_services;
  others.erase(std::remove_if(others.begin(), others.end(),
                              [&](const std::string& name) {
                                return std::find(facts.kestra_services.begin(),
                                                 facts.kestra_services.end(),
                                                 name) != facts.kestra_services.end();
                              }),
               others.end());
}

}  // namespace

Facts DecideFacts(const FileFacts& told_by_files, const ScanSettings& settings) {
  Facts facts;
  FileFacts told = told_by_files;
  ReadComposeServices(told_by_files, told, facts);
  const std::string& ee_evidence = told.ee_evidence;
  const std::string& oss_evidence = told.oss_evidence;
  facts.has_fallback_tenant = told.has_fallback_tenant;
  facts.fallback_tenant = told.fallback_tenant;
  facts.fallback_tenant_source = told.fallback_tenant_source;
  facts.tenantless_data = told.tenantless_data;
  facts.basic_auth = told.basic_auth;
  facts.open_urls_set = told.open_urls_set;
  facts.open_urls = told.open_urls;
  facts.env_vars_prefix_set = told.env_vars_prefix_set;
  facts.kestra_provider_tenant_set = told.kestra_provider_tenant_set;

  if (settings.edition != RequestedEdition::kAuto) {
    facts.edition = settings.edition == RequestedEdition::kOss ? Edition::kOss : Edition::kEe;
    facts.edition_source = EditionSource::kSetting;
  } else if (!ee_evidence.empty()) {
    facts.edition = Edition::kEe;
    facts.edition_source = EditionSource::kEvidence;
    facts.edition_evidence = ee_evidence;
  } else if (!oss_evidence.empty()) {
    facts.edition = Edition::kOss;
    facts.edition_source = EditionSource::kEvidence;
    facts.edition_evidence = oss_evidence;
  }

  facts.target = settings.target_version.value_or(LatestKnownVersion());
  facts.target_source =
      settings.target_version ? TargetSource::kSetting : TargetSource::kLatestKnown;

  if (settings.from_version) {
    facts.running_version = settings.from_version;
    facts.running_version_source = RunningVersionSource::kSetting;
  } else if (told.running_version && told.newest_running_version &&
             !SameReleaseLine(*told.running_version, *told.newest_running_version)) {
    facts.running_version_source = RunningVersionSource::kConflicting;
    facts.running_version_evidence =
        told.running_version->ToString() + " (" + told.running_version_evidence + ") and " +
        told.newest_running_version->ToString() + " (" + told.newest_running_version_evidence + ")";
  } else if (told.running_version) {
    facts.running_version = told.running_version;
    facts.running_version_source = RunningVersionSource::kEvidence;
    facts.running_version_evidence = told.running_version_evidence;
  }

  if (!settings.tenant.empty()) {
    facts.tenant = settings.tenant;
    facts.tenant_source = TenantSource::kSetting;
  } else if (facts.edition == Edition::kEe && facts.has_fallback_tenant) {
    facts.tenant = facts.fallback_tenant;
    facts.tenant_source = TenantSource::kFallbackTenant;
  } else if (facts.edition != Edition::kEe) {
    facts.tenant = "main";
    facts.tenant_source =
        facts.edition == Edition::kOss ? TenantSource::kOssMain : TenantSource::kAssumedMain;
  }
  return facts;
}

std::string EditionSourceText(const Facts& facts) {
  switch (facts.edition_source) {
    case EditionSource::kSetting:
      return std::string("--edition ") + EditionName(facts.edition);
    case EditionSource::kEvidence:
      return facts.edition_evidence;
    case EditionSource::kNoEvidence:
      break;
  }
  return "no evidence found; edition-specific checks use the milder severity";
}

std::string TargetSourceText(const Facts& facts) {
  return facts.target_source == TargetSource::kSetting
             ? "--target-version"
             : "default: latest version the rule packs know";
}

std::string RunningVersionText(const Facts& facts) {
  switch (facts.running_version_source) {
    case RunningVersionSource::kSetting:
      return facts.running_version->ToString() + " (--from-version)";
    case RunningVersionSource::kEvidence:
      return facts.running_version->ToString() + " (" + facts.running_version_evidence + ")";
    case RunningVersionSource::kConflicting:
      return "unknown: the files disagree, " + facts.running_version_evidence +
             "; every change up to the target is reported; pass --from-version";
    case RunningVersionSource::kNoEvidence:
      break;
  }
  return "unknown (no Kestra image tag or chart version shows it, so every change up to the target "
         "is "
         "reported; pass --from-version)";
}

bool InUpgradeRange(const Version& since, const Facts& facts) {
  if (facts.target < since) return false;
  return !facts.running_version || *facts.running_version < since;
}

std::string TenantSourceText(const Facts& facts) {
  switch (facts.tenant_source) {
    case TenantSource::kSetting:
      return "--tenant";
    case TenantSource::kFallbackTenant:
      return "fallbackTenant at " + facts.fallback_tenant_source;
    case TenantSource::kOssMain:
      return "OSS always uses tenant main";
    case TenantSource::kAssumedMain:
      return "main (OSS); pass --tenant for EE";
    case TenantSource::kNone:
      break;
  }
  return "none: pass --tenant to get exact suggestions";
}

}  // namespace kestra_lint
