#include "rules/webhook_open_urls_rule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckFiles;
using ::testing::ElementsAre;
using testing::Located;
using testing::OfRule;

const char kBasicAuth[] =
    "kestra:\n"
    "  server:\n"
    "    basic-auth:\n"
    "      enabled: true\n"
    "      username: admin@example.com\n";

const char kUsernameOnly[] =
    "kestra:\n"
    "  server:\n"
    "    basic-auth:\n"
    "      username: admin@example.com\n";

const char kOpenUrlsTenantless[] =
    "kestra:\n"
    "  server:\n"
    "    basic-auth:\n"
    "      enabled: true\n"
    "      username: admin@example.com\n"
    "      open-urls:\n"
    "        - /ping\n"
    "        - /api/v1/executions/webhook/\n";

const char kCaller[] =
    "on: push\n"
    "jobs:\n"
    "  notify:\n"
    "    steps:\n"
    "      - run: curl -X POST http://kestra:8080/api/v1/main/executions/webhook/n/f/key\n"
    "      - run: curl -X POST http://kestra:8080/api/v1/executions/webhook/n/f/key\n";

std::vector<Finding> Webhook(const char* config, const std::string& edition,
                             const std::string& target) {
  return OfRule(CheckFiles({{"application.yml", config}, {".github/workflows/ci.yml", kCaller}},
                           edition, target),
                "webhook-open-urls");
}

TEST(WebhookOpenUrlsRuleTest, WebhooksNeedCredentialsFrom023Until102) {
  const auto findings = Webhook(kBasicAuth, "oss", "0.23");
  EXPECT_THAT(Located(findings), ElementsAre("5:27 webhook-open-urls", "6:27 webhook-open-urls"));
  EXPECT_EQ(findings[0].path, ".github/workflows/ci.yml");
  EXPECT_EQ(findings[0].suggestion.rfind(
                "Add '/api/v1/main/executions/webhook/' to kestra.server.basic-auth.open-urls", 0),
            0u);
  EXPECT_TRUE(Webhook(kBasicAuth, "oss", "1.0.2").empty());
  EXPECT_TRUE(Webhook(kBasicAuth, "oss", "0.22").empty());
}

// Before 0.24 only `enabled: true` turns basic auth on (BasicAuthService at
// v0.23.0); a username alone leaves every URL open.
TEST(WebhookOpenUrlsRuleTest, AUsernameAloneDoesNotTurnBasicAuthOnIn023) {
  EXPECT_TRUE(Webhook(kUsernameOnly, "oss", "0.23").empty());
  EXPECT_EQ(Webhook(kUsernameOnly, "oss", "0.24").size(), 2u);  // mandatory from 0.24
}

TEST(WebhookOpenUrlsRuleTest, AConfiguredListWithOnlyTheTenantlessPathStaysStale) {
  const auto findings = Webhook(kOpenUrlsTenantless, "oss", "1.0.2");
  EXPECT_THAT(Located(findings), ElementsAre("5:27 webhook-open-urls", "6:27 webhook-open-urls",
                                             "8:11 webhook-open-urls"));
  EXPECT_EQ(findings[2].path, "application.yml");
  EXPECT_EQ(findings[2].message.rfind(
                "open-urls lists only the tenant-less webhook path /api/v1/executions/webhook/", 0),
            0u);
}

TEST(WebhookOpenUrlsRuleTest, ATenantedEntryKeepsWebhooksOpen) {
  const std::string config =
      std::string(kOpenUrlsTenantless) + "        - /api/v1/main/executions/webhook/\n";
  EXPECT_TRUE(Webhook(config.c_str(), "oss", "0.23").empty());
  const std::string properties =
      "kestra.server.basic-auth.enabled=true\n"
      "kestra.server.basic-auth.open-urls=/ping,/api/v1/main/executions/webhook/\n";
  EXPECT_TRUE(OfRule(CheckFiles({{"application.properties", properties},
                                 {".github/workflows/ci.yml", kCaller}},
                                "oss", "0.23"),
                     "webhook-open-urls")
                  .empty());
}

// Kestra matches open-urls entries with startsWith: '*' is literal, so an
// entry holding one opens nothing, whatever else is configured.
TEST(WebhookOpenUrlsRuleTest, AWildcardEntryOpensNothingAndIsReported) {
  const std::string config = std::string(kOpenUrlsTenantless) +
                             "        - /api/v1/main/executions/webhook/\n"
                             "        - /api/v1/*/executions/webhook/\n";
  const auto findings = Webhook(config.c_str(), "oss", "1.0");
  EXPECT_THAT(Located(findings), ElementsAre("10:11 webhook-open-urls"));
  EXPECT_EQ(findings[0].message,
            "open-urls entry /api/v1/*/executions/webhook/ opens nothing: Kestra compares each "
            "entry with a plain prefix test, so '*' matches only a literal '*'");
  EXPECT_EQ(findings[0].suggestion,
            "List each tenant's webhook path instead, e.g. '/api/v1/main/executions/webhook/'");
  // Without a tenanted entry besides it, the webhooks stay closed too.
  const std::string wildcard_only =
      std::string(kOpenUrlsTenantless) + "        - /api/v1/*/executions/webhook/\n";
  EXPECT_EQ(Webhook(wildcard_only.c_str(), "oss", "0.23").size(), 4u);
}

TEST(WebhookOpenUrlsRuleTest, OpenUrlsAsAnEnvironmentVariableIsAListNotACall) {
  const auto findings = CheckFiles(
      {{"docker-compose.yml",
        "services:\n"
        "  kestra:\n"
        "    image: kestra/kestra:v0.22.10\n"
        "    environment:\n"
        "      KESTRA_SERVER_BASIC_AUTH_ENABLED: \"true\"\n"
        "      KESTRA_SERVER_BASIC_AUTH_OPEN_URLS: /ping,/api/v1/executions/webhook/\n"}},
      "auto", "0.23");
  EXPECT_THAT(Located(findings), ElementsAre("6:49 webhook-open-urls"));
  EXPECT_EQ(findings[0].message.rfind("open-urls lists only the tenant-less webhook path", 0), 0u);
}

TEST(WebhookOpenUrlsRuleTest, BasicAuthIsMandatoryInOssFrom024AndAbsentInEnterprise) {
  const char no_auth[] = "kestra:\n  url: http://kestra:8080/\n";
  EXPECT_EQ(Webhook(no_auth, "oss", "0.24").size(), 2u);
  EXPECT_TRUE(Webhook(no_auth, "oss", "0.23").empty());
  EXPECT_TRUE(Webhook(no_auth, "auto", "0.24").empty());
  EXPECT_TRUE(Webhook(kOpenUrlsTenantless, "ee", "0.23").empty());
}

}  // namespace
}  // namespace kestra_lint
