#include "rules/property_set_rule.h"

#include <gtest/gtest.h>

#include "rules/rule_pack.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using testing::OfRule;

struct Spelling {
  const char* path;
  const char* text;
  int line;
  int column;
};

void ExpectFinding(const char* rule, const Spelling& spelling) {
  const auto findings = OfRule(CheckText(spelling.path, spelling.text), rule);
  ASSERT_EQ(findings.size(), 1u) << spelling.path << ":\n" << spelling.text;
  EXPECT_EQ(findings[0].line, spelling.line) << spelling.text;
  EXPECT_EQ(findings[0].column, spelling.column) << spelling.text;
}

TEST(PropertySetRuleTest, DefaultTenantInEverySpelling) {
  const Spelling spellings[] = {
      {"application.yml", "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n", 4, 7},
      {"application.yml", "kestra:\n  ee:\n    tenants:\n      default-tenant: true\n", 4, 7},
      {"application.yml", "kestra.ee.tenants.defaultTenant: true\n", 1, 1},
      {"application.yml", "kestra: {ee.tenants.default-tenant: true}\n", 1, 10},
      {"application.yml", "kestra:\n  ee.tenants:\n    defaultTenant: true\n", 3, 5},
      {"application.yml", "micronaut: {}\nkestra: {ee: {tenants: {defaultTenant: true}}}\n", 2, 25},
      {"application.yml", "kestra.tenants.defaultTenant: true\n", 1, 1},
      {"app.properties", "# comment\nkestra.ee.tenants.defaultTenant=true\n", 2, 1},
      {"app.properties", "  kestra.ee.tenants.default-tenant : true\n", 1, 3},
      {"app.properties", "kestra.ee.tenants.\\\n    defaultTenant=true\n", 1, 1},
      {".env", "KESTRA_EE_TENANTS_DEFAULT_TENANT=true\n", 1, 1},
      {".env", "export KESTRA_EE_TENANTS_DEFAULT-TENANT=true\n", 1, 8},
      {"prod.env", "KESTRA_EE_TENANTS_DEFAULTTENANT=true\n", 1, 1},
      {".env", "JAVA_OPTS=\"-Xmx2g -Dkestra.ee.tenants.defaultTenant=true\"\n", 1, 21},
      {".env", "export KESTRA_JAVA_OPTS='-Dkestra.tenants.default-tenant=true'\n", 1, 28},
  };
  for (const Spelling& spelling : spellings) ExpectFinding("removed-default-tenant", spelling);
}

TEST(PropertySetRuleTest, TenantsEnabledInEverySpelling) {
  const Spelling spellings[] = {
      {"application.yml", "kestra:\n  ee:\n    tenants:\n      enabled: true\n", 4, 7},
      {"application.yml", "kestra.ee.tenants.enabled: false\n", 1, 1},
      {"application.yml", "kestra:\n  tenants:\n    enabled: true\n", 3, 5},
      {"config.properties", "kestra.tenants.enabled=true\n", 1, 1},
      {".env", "KESTRA_EE_TENANTS_ENABLED=true # old\n", 1, 1},
      {".env", "KESTRA_TENANTS_ENABLED=false\n", 1, 1},
  };
  for (const Spelling& spelling : spellings) ExpectFinding("removed-tenants-enabled", spelling);
}

TEST(PropertySetRuleTest, CommentsAndMentionsAreNotProperties) {
  const char* const texts[][2] = {
      {"application.yml", "kestra:\n  # ee:\n  #   tenants:\n  #     enabled: true\n  url: x\n"},
      {"application.yml", "kestra:\n  url: x # kestra.ee.tenants.enabled: true\n"},
      {"application.yml", "kestra:\n  description: \"set kestra.ee.tenants.enabled to false\"\n"},
      {"flow.yml",
       "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n"
       "    message: kestra.ee.tenants.defaultTenant is gone\n"},
      {"other.yml", "ee:\n  tenants:\n    enabled: true\n"},
      {"app.properties", "# kestra.ee.tenants.enabled=true\n! kestra.tenants.enabled=true\n"},
      {".env", "# KESTRA_EE_TENANTS_ENABLED=true\nOTHER=KESTRA_EE_TENANTS_ENABLED\n"},
      {".env", "TENANT=acme\nDEFAULT_TENANT=true\n"},
  };
  for (const auto& text : texts) {
    const auto findings = CheckText(text[0], text[1]);
    EXPECT_TRUE(OfRule(findings, "removed-tenants-enabled").empty()) << text[1];
    EXPECT_TRUE(OfRule(findings, "removed-default-tenant").empty()) << text[1];
  }
}

TEST(PropertySetRuleTest, OneWordEnvironmentSpellingSaysItProbablyNeverBound) {
  const auto findings =
      OfRule(CheckText(".env", "KESTRA_EE_TENANTS_DEFAULTTENANT=true\n"), "removed-default-tenant");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message.find("probably never bound"), std::string::npos);
  const auto bound = OfRule(CheckText(".env", "KESTRA_EE_TENANTS_DEFAULT_TENANT=true\n"),
                            "removed-default-tenant");
  ASSERT_EQ(bound.size(), 1u);
  EXPECT_EQ(bound[0].message.find("probably never bound"), std::string::npos);
}

TEST(PropertySetRuleTest, SuggestionsTellTheValuesApart) {
  const auto enabled_true = OfRule(
      CheckText("application.yml", "kestra.ee.tenants.enabled: true\n"), "removed-tenants-enabled");
  ASSERT_EQ(enabled_true.size(), 1u);
  EXPECT_EQ(enabled_true[0].suggestion.find("migrate"), std::string::npos);
  EXPECT_NE(enabled_true[0].suggestion.find("Delete this key"), std::string::npos);

  const auto enabled_false =
      OfRule(CheckText("application.yml", "kestra.ee.tenants.enabled: false\n"),
             "removed-tenants-enabled");
  ASSERT_EQ(enabled_false.size(), 1u);
  EXPECT_NE(enabled_false[0].suggestion.find(
                "kestra migrate default-tenant --tenant-id <tenant-id> --tenant-name <name> "
                "--dry-run"),
            std::string::npos)
      << enabled_false[0].suggestion;

  const auto both =
      CheckText("application.yml",
                "kestra:\n  ee:\n    tenants:\n      enabled: true\n      defaultTenant: true\n");
  const auto default_tenant = OfRule(both, "removed-default-tenant");
  ASSERT_EQ(default_tenant.size(), 1u);
  EXPECT_NE(default_tenant[0].suggestion.find("kestra migrate default-tenant"), std::string::npos);
  EXPECT_NE(default_tenant[0].suggestion.find("'kestra migrate tenant'"), std::string::npos);
  const auto enabled_with_data = OfRule(both, "removed-tenants-enabled");
  ASSERT_EQ(enabled_with_data.size(), 1u);
  EXPECT_NE(enabled_with_data[0].suggestion.find("migrate default-tenant"), std::string::npos);

  const auto default_false =
      OfRule(CheckText("application.yml", "kestra.ee.tenants.defaultTenant: false\n"),
             "removed-default-tenant");
  ASSERT_EQ(default_false.size(), 1u);
  EXPECT_EQ(default_false[0].suggestion.find("migrate default-tenant"), std::string::npos);
}

TEST(PropertySetRuleTest, NotAppliedBeforeTheTargetVersion) {
  const char* text = "kestra.ee.tenants.enabled: true\n";
  EXPECT_TRUE(OfRule(CheckText("application.yml", text, "auto", "0.22"), "removed-tenants-enabled")
                  .empty());
  EXPECT_EQ(OfRule(CheckText("application.yml", text, "auto", "0.23.1"), "removed-tenants-enabled")
                .size(),
            1u);
}

TEST(PropertySetRuleTest, KafkaQueuesOnlyForKafka) {
  EXPECT_EQ(OfRule(CheckText("application.yml", "kestra:\n  queue:\n    type: kafka\n"),
                   "kafka-queues-recreated")
                .size(),
            1u);
  EXPECT_TRUE(OfRule(CheckText("application.yml", "kestra:\n  queue:\n    type: postgres\n"),
                     "kafka-queues-recreated")
                  .empty());
  EXPECT_TRUE(OfRule(CheckText("application.yml", "kestra:\n  queue:\n    type: kafka\n", "oss"),
                     "kafka-queues-recreated")
                  .empty());
}

TEST(PropertySetRuleTest, SecretValuesAreNeverPrinted) {
  const auto findings =
      CheckText(".env", "KESTRA_EE_TENANTS_DEFAULT_TENANT=true KESTRA_PASSWORD=hunter2\n");
  for (const Finding& finding : findings) {
    EXPECT_EQ(finding.source_line.find("hunter2"), std::string::npos) << finding.source_line;
    EXPECT_EQ(finding.message.find("hunter2"), std::string::npos);
  }
}

// An empty fallbackTenant is one error (fallback-tenant-invalid), not also a
// warning that suggests /api/v1//... URLs.
TEST(PropertySetRuleTest, AnEmptyFallbackTenantIsOnlyTheInvalidTenantError) {
  const auto findings = CheckText(
      "application.yml", "kestra:\n  ee:\n    tenants:\n      fallbackTenant: \"\"\n", "ee");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule_id, "fallback-tenant-invalid");
  EXPECT_EQ(OfRule(CheckText("application.yml",
                             "kestra:\n  ee:\n    tenants:\n      fallbackTenant: acme\n", "ee"),
                   "fallback-tenant-temporary")
                .size(),
            1u);
}

// An installation already past the change: the key has done nothing since
// that release, which is worth knowing, but it is not part of the upgrade.
TEST(PropertySetRuleTest, AKeyAlreadyIgnoredAtTheRunningVersionIsAnInfo) {
  const std::string compose =
      "services:\n  kestra:\n    image: registry.kestra.io/docker/kestra-ee:v0.22.6\n";
  const auto findings = testing::CheckFiles(
      {{"docker-compose.yml", compose},
       {"application.yml", "kestra:\n  mail-service:\n    host: smtp.example.com\n"}});
  const auto ignored = OfRule(findings, "mail-service-moved");
  ASSERT_EQ(ignored.size(), 1u);
  EXPECT_EQ(ignored[0].severity, Severity::kInfo);
  EXPECT_EQ(ignored[0].since, "0.20");
  EXPECT_EQ(ignored[0].message,
            "'kestra.mail-service' has been ignored since Kestra 0.20, which this installation "
            "already runs (0.22.6): Enterprise reads kestra.ee.mail-service, so this block sends "
            "no mail today");

  const auto before = OfRule(
      testing::CheckFiles({{"docker-compose.yml",
                            "services:\n  kestra:\n    image: "
                            "registry.kestra.io/docker/kestra-ee:v0.19.3\n"},
                           {"application.yml", "kestra:\n  mail-service:\n    host: smtp\n"}}),
      "mail-service-moved");
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].severity, Severity::kError);
  EXPECT_EQ(before[0].since, "0.20");
}

TEST(PropertySetRuleTest, AChangeAlreadyBehindWithoutAnIgnoredKeyIsNotReported) {
  auto kafka_on = [](const std::string& tag) {
    return OfRule(
        testing::CheckFiles({{"docker-compose.yml",
                              "services:\n  kestra:\n    image: "
                              "registry.kestra.io/docker/kestra-ee:" +
                                  tag + "\n"},
                             {"application.yml", "kestra:\n  queue:\n    type: kafka\n"}}),
        "kafka-queues-recreated");
  };
  EXPECT_EQ(kafka_on("v0.22.6").size(), 1u);
  EXPECT_TRUE(kafka_on("v0.23.1").empty());
}

}  // namespace
}  // namespace kestra_lint
