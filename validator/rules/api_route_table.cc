#include "rules/api_route_table.h"

#include "extract/property_name.h"
#include "rules/rule_properties.h"

namespace kestra_lint {
namespace {

std::optional<Version> VersionField(const nlohmann::json& entry, const char* name) {
  const std::string text = StringOr(entry, name, "");
  if (text.empty()) return std::nullopt;
  std::optional<Version> version = Version::Parse(text);
  if (!version) throw std::invalid_argument(std::string("bad version in apiRoutes: ") + text);
  return version;
}

std::vector<RoutePrefix> Prefixes(const nlohmann::json& routes, const char* name) {
  std::vector<RoutePrefix> prefixes;
  const auto list = routes.find(name);
  if (list == routes.end()) return prefixes;
  for (const nlohmann::json& entry : *list) {
    RoutePrefix prefix;
    prefix.prefix = StringOr(entry, "prefix", "");
    prefix.since = VersionField(entry, "since");
    prefix.until = VersionField(entry, "until");
    const std::string edition = StringOr(entry, "edition", "");
    prefix.edition = edition == "ee"    ? Edition::kEe
                     : edition == "oss" ? Edition::kOss
                                        : Edition::kUnknown;
    prefix.tenant = StringOr(entry, "tenant", "");
    prefixes.push_back(std::move(prefix));
  }
  return prefixes;
}

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> segments;
  size_t at = 0;
  while (at <= path.size()) {
    const size_t slash = path.find('/', at);
    const size_t end = slash == std::string::npos ? path.size() : slash;
    if (end > at) segments.push_back(path.substr(at, end - at));
    at = end + 1;
  }
  return segments;
}

RouteMatch Lookup(const std::vector<RoutePrefix>& prefixes, const std::string& segment,
                  const Facts& facts, const RoutePrefix** entry) {
  RouteMatch best = RouteMatch::kNone;
  for (const RoutePrefix& prefix : prefixes) {
    if (prefix.prefix != segment) continue;
    if (prefix.since && facts.target < *prefix.since) continue;
    if (prefix.until && facts.target >= *prefix.until) continue;
    if (prefix.edition != Edition::kUnknown) {
      if (facts.edition == Edition::kUnknown) {
        if (best == RouteMatch::kNone) best = RouteMatch::kEditionDependent;
        continue;
      }
      if (facts.edition != prefix.edition) continue;
    }
    if (entry != nullptr) *entry = &prefix;
    return RouteMatch::kCertain;
  }
  return best;
}

}  // namespace

ApiRouteTable::ApiRouteTable(const nlohmann::json& api_routes)
    : tenant_scoped_(Prefixes(api_routes, "tenantScoped")),
      instance_level_(Prefixes(api_routes, "instanceLevel")) {
  for (const std::string& pattern : StringList(api_routes, "kestraOnly")) {
    kestra_only_.push_back(SplitPath(pattern));
  }
  for (const std::string& property : StringList(api_routes, "ignoreProperties")) {
    ignored_properties_.push_back(CanonicalKey(property));
  }
}

RouteMatch ApiRouteTable::TenantScoped(const std::string& segment, const Facts& facts,
                                       const RoutePrefix** entry) const {
  return Lookup(tenant_scoped_, segment, facts, entry);
}

std::optional<Version> ApiRouteTable::RemovedIn(const std::string& segment,
                                                const Facts& facts) const {
  std::optional<Version> removed;
  for (const std::vector<RoutePrefix>* prefixes : {&tenant_scoped_, &instance_level_}) {
    for (const RoutePrefix& prefix : *prefixes) {
      if (prefix.prefix != segment) continue;
      if (prefix.edition != Edition::kUnknown && facts.edition != Edition::kUnknown &&
          prefix.edition != facts.edition) {
        continue;
      }
      if (prefix.since && facts.target < *prefix.since) continue;
      if (!prefix.until || facts.target < *prefix.until) return std::nullopt;
      if (!removed || *removed < *prefix.until) removed = prefix.until;
    }
  }
  return removed;
}

RouteMatch ApiRouteTable::InstanceLevel(const std::string& segment, const Facts& facts) const {
  return Lookup(instance_level_, segment, facts, nullptr);
}

bool ApiRouteTable::KestraOnly(const std::vector<std::string>& segments, size_t first) const {
  for (const std::vector<std::string>& pattern : kestra_only_) {
    if (first > segments.size() || segments.size() - first < pattern.size()) continue;
    bool matches = true;
    for (size_t i = 0; i < pattern.size() && matches; ++i) {
      matches = pattern[i] == "*" || pattern[i] == segments[first + i];
    }
    if (matches) return true;
  }
  return false;
}

bool ApiRouteTable::Ignored(const std::string& property) const {
  for (const std::string& ignored : ignored_properties_) {
    if (PathNamesProperty(property, ignored)) return true;
  }
  return false;
}

}  // namespace kestra_lint
