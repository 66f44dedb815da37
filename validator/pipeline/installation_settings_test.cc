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
  overrides.settings.target_version = Version{0, 23, 0};
  const InstallationSettings settings = SettingsFor(ParseConfig(kConfig, "repo/c.yaml"), overrides);
  EXPECT_EQ(settings.settings.edition, RequestedEdition::kEe);
  EXPECT_EQ(settings.settings.tenant, "acme");
  EXPECT_EQ(settings.settings.target_version, Version::Parse("0.23"));  // the config names none
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
  overrides.settings.edition = RequestedEdition::kOss;
  overrides.settings.tenant = "other";
  overrides.given = {"--edition"};
  overrides.require_reason = true;
  overrides.inline_suppressions = false;
  const InstallationSettings settings = SettingsFor(ParseConfig(kConfig, "c.yaml"), overrides);
  EXPECT_EQ(settings.settings.edition, RequestedEdition::kOss);
  EXPECT_EQ(settings.settings.tenant, "acme");  // --tenant was not given: a default
  EXPECT_TRUE(settings.policy.require_reason);
  EXPECT_FALSE(settings.policy.inline_suppressions);
}

TEST(InstallationSettingsTest, ATenantFromTheConfigIsASettingLikeTenant) {
  // As before the types: a config's tenant reads "--tenant" in the outputs
  // and goes into flows as it is.
  const InstallationSettings settings = SettingsFor(ParseConfig(kConfig, "c.yaml"), {});
  const Facts facts = CombineFacts({}, settings.settings);
  EXPECT_EQ(facts.tenant, "acme");
  EXPECT_EQ(facts.tenant_source, TenantSource::kSetting);
  EXPECT_EQ(TenantSourceText(facts), "--tenant");
  EXPECT_EQ(facts.edition_source, EditionSource::kSetting);
  EXPECT_EQ(EditionSourceText(facts), "--edition ee");
}

}  // namespace
}  // namespace kestra_lint
