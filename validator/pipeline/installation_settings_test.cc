#include "pipeline/installation_settings.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

const char kConfig[] =
    "rules:\n"
    "  removed-tenants-enabled: off\n"
    "  api-uri-missing-tenant: info\n"
    "  removed-default-tenant: {enabled: true, severity: warning}\n"
    "exclude: [legacy/]\n"
    "edition: ee\n"
    "tenant: acme\n";

TEST(InstallationSettingsTest, TheConfigFillsWhatTheCommandLineLeftOpen) {
  SettingOverrides overrides;
  overrides.settings.target_version = "0.23";
  const InstallationSettings settings = SettingsFor(ParseConfig(kConfig, "repo/c.yaml"), overrides);
  EXPECT_EQ(settings.settings.edition, "ee");
  EXPECT_EQ(settings.settings.tenant, "acme");
  EXPECT_EQ(settings.settings.target_version, "0.23");  // the config names none
  EXPECT_EQ(settings.policy.disabled_rules, std::set<std::string>{"removed-tenants-enabled"});
  EXPECT_EQ(settings.policy.severities,
            (std::map<std::string, Severity>{{"api-uri-missing-tenant", Severity::kInfo},
                                             {"removed-default-tenant", Severity::kWarning}}));
  EXPECT_EQ(settings.glob_root, "repo");
  EXPECT_EQ(settings.exclude, std::vector<std::string>{"legacy/"});
  EXPECT_TRUE(settings.policy.inline_suppressions);
  EXPECT_FALSE(settings.policy.require_reason);
}

TEST(InstallationSettingsTest, OptionsGivenOnTheCommandLineBeatTheConfig) {
  SettingOverrides overrides;
  overrides.settings.edition = "oss";
  overrides.settings.tenant = "other";
  overrides.given = {"--edition"};
  overrides.require_reason = true;
  overrides.inline_suppressions = false;
  const InstallationSettings settings = SettingsFor(ParseConfig(kConfig, "c.yaml"), overrides);
  EXPECT_EQ(settings.settings.edition, "oss");
  EXPECT_EQ(settings.settings.tenant, "acme");  // --tenant was not given: a default
  EXPECT_TRUE(settings.policy.require_reason);
  EXPECT_FALSE(settings.policy.inline_suppressions);
}

}  // namespace
}  // namespace kestra_lint
