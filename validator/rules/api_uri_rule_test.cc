#include "rules/api_uri_rule.h"

#include <gtest/gtest.h>

#include "api_uri_test_support.h"
#include "extract/extract.h"
#include "facts/facts.h"

namespace kestra_lint {
namespace {

using testing::InvalidTenant;
using testing::MissingTenant;
using testing::OfRule;

std::string Flow(const std::string& uri) {
  return "id: caller\nnamespace: company.team\ntasks:\n  - id: call\n"
         "    type: io.kestra.plugin.core.http.Request\n    uri: \"" +
         uri + "\"\n";
}

TEST(ApiUriRuleTest, MissingTenantAtTheExactStartOfTheUri) {
  const auto findings = MissingTenant("flow.yml", Flow("{{ kestra.url }}/api/v1/executions/n/f"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 6);
  EXPECT_EQ(findings[0].column, 11);
  EXPECT_EQ(findings[0].uri, "{{ kestra.url }}/api/v1/executions/n/f");
  EXPECT_EQ(findings[0].suggestion,
            "Use {{ kestra.url }}/api/v1/{{ flow.tenantId }}/executions/n/f");
}

TEST(ApiUriRuleTest, SeverityFollowsTheEdition) {
  const std::string flow = Flow("http://kestra:8080/api/v1/flows/n/f");
  EXPECT_EQ(MissingTenant("flow.yml", flow, "oss")[0].severity, Severity::kWarning);
  EXPECT_EQ(MissingTenant("flow.yml", flow, "ee")[0].severity, Severity::kError);
  EXPECT_EQ(MissingTenant("flow.yml", flow, "auto")[0].severity, Severity::kWarning);
  EXPECT_NE(MissingTenant("flow.yml", flow, "auto")[0].message.find("Enterprise not at all"),
            std::string::npos);
}

TEST(ApiUriRuleTest, FallbackTenantInAnotherFileMakesItAWarning) {
  const std::string config = "kestra:\n  ee:\n    tenants:\n      fallbackTenant: acme\n";
  const std::string flow = Flow("http://kestra:8080/api/v1/flows/n/f");
  const Facts facts = ComputeFacts(
      {ExtractText("application.yml", config), ExtractText("flow.yml", flow)}, ScanSettings{});
  ASSERT_EQ(facts.edition, Edition::kEe);
  const auto findings =
      OfRule(testing::CheckFiles({{"application.yml", config}, {"flow.yml", flow}}),
             "api-uri-missing-tenant");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
  EXPECT_NE(findings[0].message.find("fallbackTenant"), std::string::npos);
}

TEST(ApiUriRuleTest, ExactColumnInsideAShellScriptBlock) {
  const std::string text =
      "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
      "          set -e\n          curl -fsS -X POST \"$KESTRA_URL/api/v1/flows/import\" -F "
      "file=@f.zip\n";
  const auto findings = MissingTenant("ci.yml", text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 7);
  EXPECT_EQ(findings[0].column, 30);
  EXPECT_EQ(findings[0].suggestion, "Use $KESTRA_URL/api/v1/main/flows/import");
}

TEST(ApiUriRuleTest, TemplatedTenantsCountAsATenant) {
  for (const char* uri : {"{{ kestra.url }}/api/v1/{{ flow.tenantId }}/executions/n/f",
                          "http://kestra:8080/api/v1/${TENANT}/flows/n/f",
                          "http://kestra:8080/api/v1/{tenant}/flows/n/f",
                          "http://kestra:8080/api/v1/$TENANT/flows/n/f",
                          "http://kestra:8080/api/v1/main/executions/webhook/n/f/key"}) {
    EXPECT_TRUE(MissingTenant("flow.yml", Flow(uri)).empty()) << uri;
    EXPECT_TRUE(InvalidTenant("flow.yml", Flow(uri)).empty()) << uri;
  }
}

TEST(ApiUriRuleTest, OtherProductsApisAreNotKestra) {
  const char* const texts[][2] = {
      {"flow.yml",
       "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: x\n"
       "    uri: https://hn.algolia.com/api/v1/search_by_date\n"},
      {"promtail.yml", "clients:\n  - url: http://loki:3100/loki/api/v1/push\n"},
      {"compose.yml",
       "services:\n  app:\n    healthcheck:\n"
       "      test: [\"CMD\", \"wget\", \"-qO-\", \"http://localhost:8000/api/v1/health\"]\n"},
      {"secret.yml", "metadata:\n  selfLink: /api/v1/namespaces/demo/secrets/sh.helm.release.v1\n"},
      {"pods.yml", "url: https://k8s.example.com/api/v1/namespaces/default/pods\n"},
      {".env", "ENV_WHATSAPP_URL=https://app.example.io/api/v1/out-messages/whatsapp/template\n"},
      {"flow.yml",
       "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: x\n"
       "    env:\n      KESTRA_BASE_URL: \"http://host.docker.internal:8080/api/v1\"\n"},
  };
  for (const auto& text : texts) {
    EXPECT_TRUE(MissingTenant(text[0], text[1]).empty()) << text[1];
    EXPECT_TRUE(InvalidTenant(text[0], text[1]).empty()) << text[1];
  }
}

TEST(ApiUriRuleTest, SameHostAsAKestraUriIsKestraToo) {
  const std::string text =
      "steps:\n  - run: |\n      curl http://localhost:8080/api/v1/flows/validate\n"
      "      curl http://localhost:8080/api/v1/namespaces\n"
      "      curl http://localhost:9000/api/v1/namespaces\n";
  const auto findings = MissingTenant("ci.yml", text);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].line, 3);
  EXPECT_EQ(findings[1].line, 4);
}

TEST(ApiUriRuleTest, TenantWhereTheRouteTakesNone) {
  const auto configs = InvalidTenant("flow.yml", Flow("http://kestra:8080/api/v1/main/configs"));
  ASSERT_EQ(configs.size(), 1u);
  EXPECT_EQ(configs[0].suggestion, "Use http://kestra:8080/api/v1/configs");
  EXPECT_TRUE(MissingTenant("flow.yml", Flow("http://kestra:8080/api/v1/configs")).empty());
}

TEST(ApiUriRuleTest, PluginsRouteDependsOnTheTargetVersion) {
  const std::string tenanted = Flow("http://kestra:8080/api/v1/main/plugins/icons");
  const std::string bare = Flow("http://kestra:8080/api/v1/plugins/icons");
  EXPECT_TRUE(InvalidTenant("flow.yml", tenanted, "oss", "0.23").empty());
  EXPECT_EQ(MissingTenant("flow.yml", bare, "oss", "0.23").size(), 1u);
  EXPECT_EQ(InvalidTenant("flow.yml", tenanted, "oss", "0.24").size(), 1u);
  EXPECT_TRUE(MissingTenant("flow.yml", bare, "oss", "1.0").empty());
}

TEST(ApiUriRuleTest, OssRejectsTenantsOtherThanMain) {
  const std::string flow = Flow("http://kestra:8080/api/v1/acme/flows/n/f");
  const auto oss = InvalidTenant("flow.yml", flow, "oss");
  ASSERT_EQ(oss.size(), 1u);
  EXPECT_EQ(oss[0].suggestion, "Use http://kestra:8080/api/v1/main/flows/n/f");
  EXPECT_TRUE(InvalidTenant("flow.yml", flow, "ee").empty());
  EXPECT_TRUE(InvalidTenant("flow.yml", flow, "auto").empty());
}

// Only the open-source edition hard-codes `main` for usages (0.23) and ai
// (0.24); Enterprise serves them, and users from 0.24, under any tenant.
TEST(ApiUriRuleTest, EnterpriseServesUsagesAiAndUsersUnderItsTenants) {
  for (const auto& [uri, target] : std::vector<std::pair<std::string, std::string>>{
           {"http://kestra:8080/api/v1/acme/usages/all", "0.23"},
           {"http://kestra:8080/api/v1/acme/usages/all", "1.3"},
           {"http://kestra:8080/api/v1/acme/ai/generate/flow", "0.24"},
           {"http://kestra:8080/api/v1/acme/users/u1/groups", "0.24"},
           {"http://kestra:8080/api/v1/users/u1", "0.24"}}) {
    EXPECT_TRUE(InvalidTenant("flow.yml", Flow(uri), "ee", target).empty()) << uri << " " << target;
    EXPECT_TRUE(MissingTenant("flow.yml", Flow(uri), "ee", target).empty()) << uri << " " << target;
  }
  const auto oss = InvalidTenant(
      "flow.yml", Flow("http://kestra:8080/api/v1/acme/ai/generate/flow"), "oss", "0.24");
  ASSERT_EQ(oss.size(), 1u);
  EXPECT_EQ(oss[0].suggestion, "Use http://kestra:8080/api/v1/main/ai/generate/flow");
}

// A route the target no longer serves is an error naming the release that
// removed it, with the tenant segment or without.
TEST(ApiUriRuleTest, RemovedRoutesNameTheReleaseThatRemovedThem) {
  const auto removed = OfRule(
      CheckText("flow.yml", Flow("http://kestra:8080/api/v1/main/taskruns/search"), "oss", "1.1"),
      "api-uri-removed-route");
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].severity, Severity::kError);
  EXPECT_EQ(removed[0].message,
            "http://kestra:8080/api/v1/main/taskruns/search: Kestra 1.1 removed the taskruns "
            "routes, so this call answers HTTP 404 at the target version 1.1");
  EXPECT_EQ(removed[0].suggestion.rfind("Search executions instead", 0), 0u);
  EXPECT_TRUE(OfRule(CheckText("flow.yml", Flow("http://kestra:8080/api/v1/main/taskruns/search"),
                               "oss", "1.0"),
                     "api-uri-removed-route")
                  .empty());
  const auto stats =
      OfRule(CheckText("flow.yml", Flow("http://kestra:8080/api/v1/stats/summary"), "auto", "1.3"),
             "api-uri-removed-route");
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_NE(stats[0].message.find("Kestra 0.24 removed the stats routes"), std::string::npos);
  EXPECT_TRUE(
      MissingTenant("flow.yml", Flow("http://kestra:8080/api/v1/stats/summary"), "auto", "1.3")
          .empty());
}

TEST(ApiUriRuleTest, OpenUrlsPatternsAreNotCalls) {
  const std::string text =
      "kestra:\n  server:\n    basic-auth:\n      open-urls:\n"
      "        - \"/api/v1/executions/webhook/\"\n";
  EXPECT_TRUE(MissingTenant("application.yml", text).empty());
}

TEST(ApiUriRuleTest, CredentialsInUrisAreNeverEchoed) {
  const auto findings =
      MissingTenant("flow.yml", Flow("https://admin:s3cr3t@kestra.example.com/api/v1/flows/n/f"));
  ASSERT_EQ(findings.size(), 1u);
  for (const std::string& text :
       {findings[0].message, findings[0].suggestion, findings[0].uri, findings[0].source_line}) {
    EXPECT_EQ(text.find("s3cr3t"), std::string::npos) << text;
    EXPECT_EQ(text.find("admin"), std::string::npos) << text;
  }
}

TEST(InsertTenantTest, AfterApiV1) {
  EXPECT_EQ(InsertTenant("http://h/api/v1/flows?x=1", "main"), "http://h/api/v1/main/flows?x=1");
}

}  // namespace
}  // namespace kestra_lint
