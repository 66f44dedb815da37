#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "report/report.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

using testing::FixtureOutput;

TEST(FormatGitlabTest, CodeQualityIssueHasTheFieldsGitlabRequires) {
  const nlohmann::json issues = nlohmann::json::parse(FixtureOutput(WriteGitlab));
  ASSERT_TRUE(issues.is_array());
  ASSERT_EQ(issues.size(), 5u);  // the suppressed finding is left out
  const nlohmann::json& first = issues[0];
  EXPECT_EQ(first["check_name"], "removed-default-tenant");
  EXPECT_EQ(first["description"].get<std::string>().rfind("'kestra.ee.tenants.defaultTenant'", 0),
            0u);
  EXPECT_EQ(first["severity"], "critical");
  EXPECT_EQ(first["location"]["path"], "config/application.yml");
  EXPECT_EQ(first["location"]["lines"]["begin"], 4);
  EXPECT_EQ(first["type"], "issue");
  EXPECT_EQ(first["content"]["body"].get<std::string>().rfind("Move the tenant-less data", 0), 0u);
}

TEST(FormatGitlabTest, SeveritiesAreMapped) {
  const nlohmann::json issues = nlohmann::json::parse(FixtureOutput(WriteGitlab));
  std::map<std::string, std::string> severity_of;
  for (const auto& issue : issues) severity_of[issue["check_name"]] = issue["severity"];
  EXPECT_EQ(severity_of["yaml-syntax"], "critical");
  EXPECT_EQ(severity_of["fallback-tenant-temporary"], "major");
  EXPECT_EQ(severity_of["kafka-queues-recreated"], "info");
}

TEST(FormatGitlabTest, FingerprintsAreUniqueEvenForTheSameKeyTwice) {
  testing::ReportFixture fixture;
  Finding twice = fixture.result.findings[0];
  twice.line = 9;
  fixture.result.findings.push_back(twice);
  SortFindings(fixture.result.findings);
  AssignFingerprints(fixture.result.findings);
  std::ostringstream out;
  WriteGitlab(fixture.report(), out);
  const nlohmann::json issues = nlohmann::json::parse(out.str());
  std::set<std::string> fingerprints;
  for (const auto& issue : issues) {
    EXPECT_EQ(issue["fingerprint"].get<std::string>().size(), 32u);
    fingerprints.insert(issue["fingerprint"]);
  }
  EXPECT_EQ(fingerprints.size(), issues.size());
  EXPECT_EQ(issues.size(), 6u);
}

}  // namespace
}  // namespace kestra_lint
