// Kestra API calls in application code, scripts and docs: found at their
// exact position when the route is Kestra's and the text around says Kestra,
// silent otherwise; only a literal of its own gets a fix.
#include <gtest/gtest.h>

#include "api_uri_test_support.h"

namespace kestra_lint {
namespace {

using testing::MissingTenant;
using testing::OfRule;

TEST(ApiUriCodeTest, TemplateLiteralWithAKestraBaseVariable) {
  const std::string code =
      "const BASE_URL = process.env.NEXT_PUBLIC_KESTRA_URL || 'http://localhost:8080';\n"
      "export async function run(id: string) {\n"
      "  return fetch(`${BASE_URL}/api/v1/executions/${id}`);\n"
      "}\n";
  const auto findings = MissingTenant("lib/client.ts", code);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 3);
  EXPECT_EQ(findings[0].column, 17);
  EXPECT_EQ(findings[0].uri, "${BASE_URL}/api/v1/executions/${id}");
  EXPECT_NE(findings[0].suggestion.find("/api/v1/main/executions/"), std::string::npos);
  EXPECT_TRUE(findings[0].fix.empty());  // a template gets a suggestion only
}

TEST(ApiUriCodeTest, PythonClientWithABaseUrlThenRelativePaths) {
  const std::string code =
      "import httpx\n"
      "client = httpx.Client(base_url=os.environ['KESTRA_URL'])\n"
      "flows = client.get(\"/api/v1/flows/search\")\n"
      "other = requests.get(f\"{GITHUB}/api/v1/flows/search\")\n";
  const auto findings = MissingTenant("agent.py", code);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 3);
  EXPECT_EQ(findings[0].column, 21);
}

TEST(ApiUriCodeTest, ConcatenationAndPlaceholders) {
  const std::string code =
      "String url = KESTRA_URL + \"/api/v1/executions/\" + id;\n"
      "url = fmt.Sprintf(\"%s/api/v1/%s/flows/%s\", kestraURL, tenant, ns)\n"
      "curl \"$KESTRA_HOST/api/v1/:tenant/flows\"\n";
  const auto findings = MissingTenant("Client.java", code);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 1);
  EXPECT_EQ(findings[0].column, 28);
  EXPECT_TRUE(findings[0].fix.empty());
}

TEST(ApiUriCodeTest, LiteralUrlInAKestraFileGetsAFixWithACertainTenant) {
  const std::string code =
      "# trigger the Kestra flow\n"
      "curl -X POST http://localhost:8080/api/v1/executions/company/hello\n";
  const auto findings = MissingTenant("run.sh", code, "oss");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 2);
  EXPECT_EQ(findings[0].column, 14);
  ASSERT_EQ(findings[0].fix.size(), 1u);
  EXPECT_EQ(findings[0].fix[0].replacement, "/main");
}

TEST(ApiUriCodeTest, NoKestraContextOrNoKestraRouteIsSilent) {
  // Another product's API, a file that never mentions Kestra, Kubernetes.
  EXPECT_TRUE(MissingTenant("a.ts",
                            "fetch(`${OPENDENTAL}/api/v1/flows/x`)\n"
                            "// kestra is elsewhere\n")
                  .empty());
  EXPECT_TRUE(
      MissingTenant("b.py", "requests.get('http://localhost:8080/api/v1/flows/search')\n").empty());
  EXPECT_TRUE(
      MissingTenant("c.md", "Kestra on k8s: `kubectl get --raw /api/v1/namespaces/kestra/pods`\n")
          .empty());
  EXPECT_TRUE(
      MissingTenant("d.go", "// kestra\nurl := \"https://api.example.com/api/v1/flows/a\"\n")
          .empty());
}

TEST(ApiUriCodeTest, MainTenantIsEvidenceByItself) {
  const auto invalid =
      OfRule(CheckText("setup.sh", "curl http://svc:8080/api/v1/main/configs\n", "oss", ""),
             "api-uri-invalid-tenant");
  EXPECT_EQ(invalid.size(), 1u);
}

TEST(ApiUriCodeTest, NonYamlFilesNeverGetYamlErrors) {
  for (const char* path : {"route.ts", "notes.cfg", "Makefile", "README.md", "package.json"}) {
    EXPECT_TRUE(OfRule(CheckText(path, "a: [b\n\tc: 'x\n", "auto", ""), "yaml-syntax").empty())
        << path;
  }
  EXPECT_FALSE(OfRule(CheckText("broken.yml", "a: [b\n", "auto", ""), "yaml-syntax").empty());
}

}  // namespace
}  // namespace kestra_lint

namespace kestra_lint {
namespace {

// A Compose service's image says what its host serves: another product's
// service is not Kestra, whatever the route looks like; a Kestra service is
// evidence by itself.
TEST(ApiUriCodeTest, ComposeServiceHostsAreKestraOrNotByTheirImage) {
  const std::string compose =
      "services:\n"
      "  orchestrator:\n"
      "    image: ${KESTRA_IMAGE}\n"
      "  grafana:\n"
      "    image: grafana/grafana:11.0.0\n";
  const std::string code =
      "// Kestra dashboards and Grafana's, side by side\n"
      "const grafana = await fetch('http://grafana:3000/api/v1/dashboards');\n"
      "const flows = await fetch(`http://orchestrator:8080/api/v1/flows/${ns}`);\n"
      "const more = await fetch('http://grafana:3000/api/v1/flows/search');\n";
  const auto findings =
      OfRule(testing::CheckFiles({{"docker-compose.yml", compose},
                                  {".env", "KESTRA_IMAGE=kestra/kestra:v0.22.6\n"},
                                  {"web/lib/api.ts", code}}),
             "api-uri-missing-tenant");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "web/lib/api.ts");
  EXPECT_EQ(findings[0].line, 3);
  EXPECT_EQ(findings[0].column, 28);
  // Without the .env, the orchestrator's image is unknown: its host is no evidence.
  EXPECT_TRUE(OfRule(testing::CheckFiles({{"docker-compose.yml", compose},
                                          {"web/lib/api.py",
                                           "requests.get('http://orchestrator:8080/api/v1/flows/"
                                           "search')\n"}}),
                     "api-uri-missing-tenant")
                  .empty());
}

}  // namespace
}  // namespace kestra_lint
