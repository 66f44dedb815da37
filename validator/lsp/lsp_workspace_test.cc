#include "lsp/lsp_workspace.h"

#include <gtest/gtest.h>

#include "pipeline/scan.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::BuiltinRules;
using testing::TempDir;

const char kFlow[] =
    "id: report\n"
    "namespace: company.team\n"
    "tasks:\n"
    "  - id: last\n"
    "    type: io.kestra.plugin.core.http.Request\n"
    "    uri: \"{{ kestra.url }}/api/v1/executions/search\"\n";
const char kEeConfig[] = "kestra:\n  ee:\n    license:\n      id: abc\n";
const char kEeConfigWithFallback[] =
    "kestra:\n  ee:\n    license:\n      id: abc\n    tenants:\n      fallbackTenant: team\n";

FactsInput FactsFile(const std::string& path, const std::string& text,
                     const std::string& installation = "") {
  std::optional<FactsInput> input = FactsInputOf(ScanText(path, text), installation);
  EXPECT_TRUE(input.has_value());
  return input ? *input : FactsInput();
}

Severity UriSeverity(const Analysis& analysis) {
  for (const Finding& finding : analysis.findings) {
    if (finding.rule_id == "api-uri-missing-tenant") return finding.severity;
  }
  ADD_FAILURE() << "no api-uri-missing-tenant finding";
  return Severity::kInfo;
}

TEST(LspWorkspace, AFlowUriFollowsTheFallbackTenantOfAnotherFile) {
  const Analysis without =
      Analyze("/w/flows/report.yml", "", kFlow, 1, {FactsFile("/w/application.yml", kEeConfig)}, {},
              BuiltinRules(), 1 << 20);
  EXPECT_EQ(without.facts.edition, Edition::kEe);
  EXPECT_EQ(UriSeverity(without), Severity::kError);

  const Analysis with = Analyze("/w/flows/report.yml", "", kFlow, 2,
                                {FactsFile("/w/application.yml", kEeConfigWithFallback)}, {},
                                BuiltinRules(), 1 << 20);
  EXPECT_TRUE(with.facts.has_fallback_tenant);
  EXPECT_EQ(UriSeverity(with), Severity::kWarning);
  EXPECT_EQ(with.version, 2);
}

TEST(LspWorkspace, FactsInputKeepsOnlyWhatFactsUse) {
  EXPECT_FALSE(FactsInputOf(ScanText("/w/flows/report.yml", kFlow), "").has_value());
  const std::optional<FactsInput> input =
      FactsInputOf(ScanText("/w/application.yml", kEeConfigWithFallback), "prod");
  ASSERT_TRUE(input.has_value());
  EXPECT_EQ(input->installation, "prod");
  EXPECT_EQ(input->path, "/w/application.yml");
  EXPECT_EQ(input->facts.fallback_tenant, "team");
  EXPECT_NE(input->facts.ee_evidence.find("at /w/application.yml:"), std::string::npos);
}

TEST(LspWorkspace, OpenTextHidesTheDiskAndInstallationsStaySeparate) {
  WorkspaceFacts workspace;
  workspace.SetDisk("/w/a/application.yml", FactsFile("/w/a/application.yml", kEeConfig, "a"));
  workspace.SetDisk("/w/b/application.yml", FactsFile("/w/b/application.yml", kEeConfig, "b"));
  ASSERT_EQ(workspace.InputsOf("a", "").size(), 1u);
  EXPECT_EQ(workspace.InputsOf("a", "").front().path, "/w/a/application.yml");
  EXPECT_TRUE(workspace.InputsOf("a", "/w/a/application.yml").empty());

  // The open buffer has no Enterprise key any more: the disk's must not count.
  workspace.SetOpen("/w/a/application.yml", std::nullopt);
  EXPECT_TRUE(workspace.InputsOf("a", "").empty());
  workspace.Close("/w/a/application.yml");
  EXPECT_EQ(workspace.InputsOf("a", "").size(), 1u);
  workspace.SetDisk("/w/a/application.yml", std::nullopt);
  EXPECT_TRUE(workspace.InputsOf("a", "").empty());
}

TEST(LspWorkspace, ScanFoldersReadsConfigsAndSkipsFilesWithoutFacts) {
  TempDir dir;
  dir.Write("deploy/application.yml", kEeConfigWithFallback);
  dir.Write("flows/report.yml", kFlow);
  dir.Write("node_modules/x/application.yml", kEeConfig);
  const std::atomic<bool> stop{false};
  const std::map<std::string, FactsInput> inputs = ScanFolders({dir.path()}, 1 << 20, stop);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs.begin()->first, dir.path() + "/deploy/application.yml");
}

TEST(LspWorkspace, HugeDocumentIsReportedNotParsed) {
  const Analysis analysis =
      Analyze("/w/application.yml", "", std::string(2000, '#'), 1, {}, {}, BuiltinRules(), 1000);
  ASSERT_EQ(analysis.findings.size(), 1u);
  EXPECT_EQ(analysis.findings.front().rule_id, "yaml-syntax");
  EXPECT_NE(analysis.findings.front().message.find("over the 1000 bytes limit"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
