// The Kestra API's route prefixes, from the pack's `data.apiRoutes`: which
// resources take the /api/v1/{tenant}/ segment in which version and edition,
// which never do, and which path shapes only Kestra serves.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/version.h"
#include "facts/facts.h"

namespace kestra_lint {

struct RoutePrefix {
  std::string prefix;
  std::optional<Version> since;
  std::optional<Version> until;
  Edition edition = Edition::kUnknown;  // kUnknown: both editions
  std::string tenant;                   // a hard-coded tenant ("main"), or ""
};

enum class RouteMatch { kNone, kCertain, kEditionDependent };

class ApiRouteTable {
 public:
  explicit ApiRouteTable(const nlohmann::json& api_routes);

  // Does `segment` start a tenant-scoped (or instance-level) route for the
  // facts' target version and edition? Sets `entry` on a match.
  RouteMatch TenantScoped(const std::string& segment, const Facts& facts,
                          const RoutePrefix** entry) const;
  RouteMatch InstanceLevel(const std::string& segment, const Facts& facts) const;
  // The release that removed the routes `segment` starts, tenant-scoped or
  // instance-level, when none of them is left at the facts' target (and
  // edition); nullopt while one is, or when the prefix is not Kestra's.
  std::optional<Version> RemovedIn(const std::string& segment, const Facts& facts) const;
  // Do the segments after the tenant have a shape only Kestra serves?
  bool KestraOnly(const std::vector<std::string>& segments, size_t first) const;
  // Is `property` one whose values are URL patterns, not calls (open-urls)?
  bool Ignored(const std::string& property) const;

 private:
  std::vector<RoutePrefix> tenant_scoped_;
  std::vector<RoutePrefix> instance_level_;
  std::vector<std::vector<std::string>> kestra_only_;
  std::vector<std::string> ignored_properties_;
};

}  // namespace kestra_lint
