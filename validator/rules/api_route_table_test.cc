// The packs' route data must say what Kestra's controllers serve: the tables
// in rules/routes/ are scripts/kestra_routes.py's output at each release
// (`kestra_routes.py --check GIT_DIR` proves it), and the open-source part of
// the pack's apiRoutes must give the same prefixes at every release.
#include "rules/api_route_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "rules/rule_pack.h"

namespace kestra_lint {
namespace {

// The route prefixes of one table, by how they take the tenant.
struct TablePrefixes {
  std::set<std::string> tenant_scoped;  // /api/v1/{tenant}/<prefix>
  std::set<std::string> main_only;      // /api/v1/main/<prefix>
  std::set<std::string> instance;       // /api/v1/<prefix>
};

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

TablePrefixes ReadTable(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  TablePrefixes prefixes;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const std::vector<std::string> fields = Fields(line);
    if (fields.size() != 3 || fields[2].rfind("/api/v1/", 0) != 0) continue;
    std::vector<std::string> segments;
    std::istringstream path_in(fields[2].substr(8));
    std::string segment;
    while (std::getline(path_in, segment, '/')) {
      if (!segment.empty()) segments.push_back(segment);
    }
    if (segments.empty()) continue;
    if (segments[0] == "{tenant}" && segments.size() > 1) {
      prefixes.tenant_scoped.insert(segments[1]);
    } else if (segments[0] == "main" && segments.size() > 1) {
      prefixes.main_only.insert(segments[1]);
    } else {
      prefixes.instance.insert(segments[0]);
    }
  }
  return prefixes;
}

std::map<std::string, TablePrefixes> TablesFromTenantsOn() {
  std::ifstream manifest("rules/routes/releases.tsv");
  EXPECT_TRUE(manifest) << "the test runs in the source folder";
  std::map<std::string, TablePrefixes> tables;
  std::string line;
  std::getline(manifest, line);
  while (std::getline(manifest, line)) {
    const std::string version = Fields(line).at(0);
    if (*Version::Parse(version) < Version{0, 23, 0}) continue;  // before tenants
    tables[version] = ReadTable("rules/routes/kestra-oss-" + version + ".tsv");
  }
  return tables;
}

TEST(ApiRouteTableTest, OpenSourceRouteDataEqualsTheGeneratedTables) {
  const RuleSet rules = LoadBuiltinRules();
  const Rule* rule = rules.Find("api-uri-missing-tenant");
  ASSERT_NE(rule, nullptr);
  const ApiRouteTable routes(rule->definition().pack_data->at("apiRoutes"));
  const std::map<std::string, TablePrefixes> tables = TablesFromTenantsOn();
  ASSERT_GE(tables.size(), 6u);
  std::set<std::string> candidates;
  for (const auto& [version, table] : tables) {
    for (const auto* set : {&table.tenant_scoped, &table.main_only, &table.instance}) {
      candidates.insert(set->begin(), set->end());
    }
  }
  for (const auto& entry : rule->definition().pack_data->at("apiRoutes").at("tenantScoped")) {
    candidates.insert(entry.at("prefix").get<std::string>());
  }
  for (const auto& [version, table] : tables) {
    Facts facts;
    facts.edition = Edition::kOss;
    facts.target = *Version::Parse(version);
    for (const std::string& prefix : candidates) {
      const RoutePrefix* entry = nullptr;
      const bool scoped = routes.TenantScoped(prefix, facts, &entry) == RouteMatch::kCertain;
      EXPECT_EQ(scoped && entry->tenant.empty(), table.tenant_scoped.count(prefix) == 1)
          << "/api/v1/{tenant}/" << prefix << " at " << version;
      EXPECT_EQ(scoped && entry->tenant == "main", table.main_only.count(prefix) == 1)
          << "/api/v1/main/" << prefix << " at " << version;
      EXPECT_EQ(routes.InstanceLevel(prefix, facts) == RouteMatch::kCertain,
                table.instance.count(prefix) == 1)
          << "/api/v1/" << prefix << " at " << version;
    }
  }
}

// A prefix whose routes are all gone names the release that removed them;
// one that moved (plugins, tenant-scoped to instance-level) is not removed.
TEST(ApiRouteTableTest, RemovedRoutesNameTheReleaseThatRemovedThem) {
  const RuleSet rules = LoadBuiltinRules();
  const ApiRouteTable routes(
      rules.Find("api-uri-missing-tenant")->definition().pack_data->at("apiRoutes"));
  Facts facts;
  facts.target = Version{1, 3, 0};
  EXPECT_EQ(routes.RemovedIn("taskruns", facts), (Version{1, 1, 0}));
  EXPECT_EQ(routes.RemovedIn("stats", facts), (Version{0, 24, 0}));
  EXPECT_FALSE(routes.RemovedIn("plugins", facts));
  EXPECT_FALSE(routes.RemovedIn("executions", facts));
  EXPECT_FALSE(routes.RemovedIn("unknown", facts));
  facts.target = Version{1, 0, 3};
  EXPECT_FALSE(routes.RemovedIn("taskruns", facts));
}

}  // namespace
}  // namespace kestra_lint
