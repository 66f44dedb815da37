#include "extract/extract_compose.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;
using testing::OfRule;

const char kBlockString[] =
    "services:\n"
    "  kestra:\n"
    "    image: kestra/kestra-ee:0.22.6\n"
    "    environment:\n"
    "      KESTRA_CONFIGURATION: |\n"
    "        datasources:\n"
    "          postgres:\n"
    "            url: jdbc:postgresql://postgres:5432/kestra\n"
    "        kestra:\n"
    "          ee:\n"
    "            tenants:\n"
    "              enabled: true\n"
    "\n"
    "              defaultTenant: true\n";

TEST(ExtractComposeTest, BlockStringFindingsPointAtTheOuterFileDeepInsideTheBlock) {
  const auto findings = CheckText("docker-compose.yml", kBlockString);
  EXPECT_THAT(Located(findings),
              ElementsAre("12:15 removed-tenants-enabled", "14:15 removed-default-tenant"));
  EXPECT_EQ(findings[1].origin,
            "compose service kestra > KESTRA_CONFIGURATION > kestra.ee.tenants.defaultTenant");
  EXPECT_EQ(findings[1].end_column, 28);
}

TEST(ExtractComposeTest, NestedMappingConfiguration) {
  const auto findings = CheckText("compose.yaml",
                                  "services:\n"
                                  "  kestra:\n"
                                  "    environment:\n"
                                  "      KESTRA_CONFIGURATION:\n"
                                  "        kestra:\n"
                                  "          ee.tenants.defaultTenant: true\n",
                                  "ee");
  EXPECT_THAT(Located(findings), ElementsAre("6:11 removed-default-tenant"));
  EXPECT_EQ(findings[0].origin,
            "compose service kestra > KESTRA_CONFIGURATION > kestra.ee.tenants.defaultTenant");
}

TEST(ExtractComposeTest, ListFormVariablesAndInlineConfiguration) {
  const auto findings =
      CheckText("docker-compose.override.yml",
                "services:\n"
                "  worker:\n"
                "    environment:\n"
                "      - KESTRA_EE_TENANTS_ENABLED=true\n"
                "      - \"KESTRA_CONFIGURATION=kestra: {ee: {tenants: {defaultTenant: true}}}\"\n"
                "      - KESTRA_EE_TENANTS_DEFAULT_TENANT\n",
                "ee");
  EXPECT_THAT(Located(findings),
              ElementsAre("4:9 removed-tenants-enabled", "5:55 removed-default-tenant",
                          "6:9 removed-default-tenant"));
  EXPECT_EQ(findings[0].origin, "compose service worker > KESTRA_EE_TENANTS_ENABLED");
}

TEST(ExtractComposeTest, JavaOptionsInEitherVariable) {
  const auto findings =
      CheckText("docker-compose.yml",
                "services:\n"
                "  kestra:\n"
                "    environment:\n"
                "      JAVA_OPTS: -Xmx1g -Dkestra.ee.tenants.enabled=true\n"
                "      KESTRA_JAVA_OPTS: \"-Dkestra.ee.tenants.defaultTenant=false\"\n",
                "ee");
  EXPECT_THAT(Located(findings),
              ElementsAre("4:27 removed-tenants-enabled", "5:28 removed-default-tenant"));
  EXPECT_EQ(findings[0].origin, "compose service kestra > JAVA_OPTS > kestra.ee.tenants.enabled");
}

TEST(ExtractComposeTest, InlineConfigContentHoldingKestraConfiguration) {
  const auto findings = CheckText("compose.yaml",
                                  "configs:\n"
                                  "  kestra-application:\n"
                                  "    content: |\n"
                                  "      kestra:\n"
                                  "        ee:\n"
                                  "          tenants:\n"
                                  "            enabled: true\n"
                                  "  nginx:\n"
                                  "    content: |\n"
                                  "      server { listen 80; }\n"
                                  "services:\n"
                                  "  kestra:\n"
                                  "    image: kestra/kestra-ee:latest\n"
                                  "    configs:\n"
                                  "      - source: kestra-application\n"
                                  "        target: /app/application.yml\n");
  EXPECT_THAT(Located(findings), ElementsAre("7:13 removed-tenants-enabled"));
  EXPECT_EQ(findings[0].origin, "compose config kestra-application > kestra.ee.tenants.enabled");
}

TEST(ExtractComposeTest, KestraImagesTellTheEdition) {
  EXPECT_EQ(ExtractText("docker-compose.yml", kBlockString).evidence.size(), 1u);
  const ScannedFile file =
      ExtractText("docker-compose.yml",
                  "services:\n"
                  "  a:\n    image: registry.kestra.io/docker/kestra-ee:latest\n"
                  "  b:\n    image: kestra/kestra:v0.22.1\n"
                  "  c:\n    image: postgres:16\n"
                  "  d:\n    image: someone/kestra-tools:1\n");
  ASSERT_EQ(file.evidence.size(), 2u);
  EXPECT_EQ(file.evidence[0].edition, Edition::kEe);
  EXPECT_EQ(file.evidence[0].description, "image registry.kestra.io/docker/kestra-ee:latest");
  EXPECT_EQ(file.evidence[1].edition, Edition::kOss);
}

TEST(ExtractComposeTest, UrisInHealthchecksAndCommands) {
  const auto findings = CheckText(
      "docker-compose.yml",
      "services:\n"
      "  kestra:\n"
      "    image: kestra/kestra-ee:latest\n"
      "    healthcheck:\n"
      "      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/api/v1/flows/search\"]\n");
  EXPECT_THAT(Located(findings), ElementsAre("5:36 api-uri-missing-tenant"));
}

TEST(ExtractComposeTest, SharedEnvironmentAnchorIsReportedOnce) {
  const auto findings = CheckText("docker-compose.yml",
                                  "x-env: &env\n"
                                  "  KESTRA_EE_TENANTS_ENABLED: \"true\"\n"
                                  "services:\n"
                                  "  webserver:\n"
                                  "    environment: *env\n"
                                  "  worker:\n"
                                  "    environment: *env\n",
                                  "ee");
  EXPECT_THAT(Located(findings), ElementsAre("2:3 removed-tenants-enabled"));
}

TEST(ExtractComposeTest, AnAliasBombSharedByEveryServiceIsReadOnce) {
  std::string compose = "x-c0: &c0 {kestra: {ee: {tenants: {enabled: true}}}}\n";
  for (int i = 1; i < 25; ++i) {
    const std::string previous = "*c" + std::to_string(i - 1);
    compose += "x-c" + std::to_string(i) + ": &c" + std::to_string(i) + " {a: " + previous +
               ", b: " + previous + ", c: " + previous + "}\n";
  }
  compose += "services:\n";
  for (int service = 0; service < 500; ++service) {
    compose += "  s" + std::to_string(service) + ":\n    environment:\n" +
               "      KESTRA_CONFIGURATION: *c24\n";
  }
  const ScannedFile file = ExtractText("docker-compose.yml", compose);
  EXPECT_LT(file.properties.size(), 200000u);
  std::set<std::pair<size_t, std::string>> problems;
  for (const FileProblem& problem : file.problems) {
    EXPECT_TRUE(problems.insert({problem.span.begin, problem.message}).second);
  }
}

TEST(ExtractComposeTest, SyntaxErrorInsideTheBlockPointsIntoTheOuterFile) {
  const auto findings = OfRule(CheckText("docker-compose.yml",
                                         "services:\n"
                                         "  kestra:\n"
                                         "    environment:\n"
                                         "      KESTRA_CONFIGURATION: |\n"
                                         "        kestra:\n"
                                         "          url: [unclosed\n"),
                               "yaml-syntax");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 6);
}

TEST(ExtractComposeTest, ComposeOfOtherSoftwareGivesNoFindings) {
  EXPECT_TRUE(CheckText("docker-compose.yml",
                        "services:\n"
                        "  defguard:\n"
                        "    image: ghcr.io/defguard/defguard:latest\n"
                        "    environment:\n"
                        "      DEFGUARD_DEFAULT_TENANT: \"true\"\n"
                        "    healthcheck:\n"
                        "      test: wget -q http://localhost:8000/api/v1/health\n",
                        "ee")
                  .empty());
}

}  // namespace
}  // namespace kestra_lint
