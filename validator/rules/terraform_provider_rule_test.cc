#include "rules/terraform_provider_rule.h"

#include "rule_test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckFiles;
using testing::OfRule;

const char kRule[] = "terraform-provider-before-tenants";

const char kVersions[] =
    "terraform {\n"
    "  required_version = \">= 1.5\"\n"
    "  required_providers {\n"
    "    aws = {\n"
    "      source  = \"hashicorp/aws\"\n"
    "      version = \"~> 5.0\"\n"
    "    }\n"
    "    kestra = {\n"
    "      source  = \"kestra-io/kestra\"\n"
    "      version = \"~> 0.18.0\"\n"
    "    }\n"
    "  }\n"
    "}\n";

const char kMain[] =
    "provider \"kestra\" {\n"
    "  url = \"https://kestra.example.com\"\n"
    "}\n"
    "resource \"kestra_namespace\" \"team\" {\n"
    "  namespace_id = \"company.team\"\n"
    "}\n";

std::vector<Finding> Module(const std::string& main, const std::string& edition,
                            const std::string& target = "") {
  return OfRule(
      CheckFiles({{"infra/versions.tf", kVersions}, {"infra/main.tf", main}}, edition, target),
      kRule);
}

TEST(TerraformProviderRuleTest, AModulePinnedBeforeTenantsIsAnErrorInEnterprise) {
  const auto ee = Module(kMain, "ee");
  ASSERT_THAT(Located(ee), ElementsAre("10:18 terraform-provider-before-tenants"));
  EXPECT_EQ(ee[0].path, "infra/versions.tf");
  EXPECT_EQ(ee[0].severity, Severity::kError);
  EXPECT_EQ(ee[0].origin, "required_providers > kestra > version");
  EXPECT_EQ(ee[0].message,
            "The kestra provider's version constraint '~> 0.18.0' admits only releases before "
            "0.23, which send tenant-less /api/v1/... paths when no provider \"kestra\" block "
            "sets tenant_id; Enterprise no longer serves them from 0.23");
  EXPECT_EQ(ee[0].suggestion,
            "Set tenant_id = \"<tenant-id>\" in provider \"kestra\" (from 0.23 the provider "
            "defaults to main, which may not be your tenant), and require the provider release "
            "line of the Kestra you upgrade to (version = \"~> 1.3.0\")");
}

TEST(TerraformProviderRuleTest, AWarningInOssOrWhenTheEditionIsUnknown) {
  const auto oss = Module(kMain, "oss", "0.23");
  ASSERT_EQ(oss.size(), 1u);
  EXPECT_EQ(oss[0].severity, Severity::kWarning);
  EXPECT_EQ(oss[0].suggestion,
            "Require the provider release line of the Kestra you upgrade to (version = "
            "\"~> 0.23.0\"), whose tenant_id defaults to main, or set tenant_id = \"main\" in "
            "provider \"kestra\"");
  const auto unknown = Module(kMain, "auto");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].severity, Severity::kWarning);
}

TEST(TerraformProviderRuleTest, ATenantSetInAnyProviderBlockIsSent) {
  for (const char* tenant : {"\"main\"", "var.tenant", "\"\""}) {
    const std::string main =
        std::string("provider \"kestra\" {\n  url = \"http://k:8080\"\n  tenant_id = ") + tenant +
        "\n}\n";
    EXPECT_TRUE(Module(main, "ee").empty()) << tenant;
  }
  EXPECT_TRUE(Module(std::string(kMain) +
                         "provider \"kestra\" {\n  alias = \"b\"\n  tenant_id = \"acme\"\n}\n",
                     "ee")
                  .empty());
}

TEST(TerraformProviderRuleTest, OnlyWhenTheUpgradeCrossesZeroTwentyThree) {
  EXPECT_TRUE(Module(kMain, "ee", "0.22").empty());
  EXPECT_EQ(Module(kMain, "ee", "0.23").size(), 1u);
}

TEST(TerraformProviderRuleTest, TheLegacyStringFormAndOtherSourceSpellings) {
  const auto legacy =
      RuleFindings(kRule, "versions.tf",
                   "terraform {\n  required_providers {\n    kestra = \"~> 0.22\"\n  }\n}\n"
                   "terraform {\n  required_providers {\n    kestra = \"0.20.1\"\n  }\n}\n",
                   "oss");
  ASSERT_THAT(Located(legacy), ElementsAre("8:15 terraform-provider-before-tenants"));
  EXPECT_EQ(legacy[0].message.substr(0, 56),
            "The kestra provider's version constraint '0.20.1' admits");
  const auto spelled = RuleFindings(
      kRule, "versions.tf",
      "terraform {\n"
      "  required_providers {\n"
      "    kestraio = { source = \"registry.terraform.io/Kestra-IO/kestra\", version = \"< 0.23\" "
      "}\n"
      "    \"kestra\" = { version: \">= 0.15, < 0.22\" }\n"
      "  }\n"
      "}\n",
      "oss");
  EXPECT_THAT(Located(spelled), ElementsAre("3:80 terraform-provider-before-tenants",
                                            "4:28 terraform-provider-before-tenants"));
}

TEST(TerraformProviderRuleTest, OtherProvidersNamedKestraAndRecentConstraintsAreFine) {
  for (const char* entry : {"kestra = { source = \"acme/kestra\", version = \"~> 0.18\" }",
                            "kestra = { source = \"kestra-io/kestra-ee\", version = \"~> 0.18\" }",
                            "other = \"~> 0.18\"", "kestra = { source = \"kestra-io/kestra\" }",
                            "kestra = { source = \"kestra-io/kestra\", version = \"~> 0.23\" }",
                            "kestra = { source = \"kestra-io/kestra\", version = \"~> 0\" }",
                            "kestra = { source = \"kestra-io/kestra\", version = \">= 0.20\" }",
                            "kestra = { source = \"kestra-io/kestra\", version = var.v }"}) {
    const std::string text =
        std::string("terraform {\n  required_providers {\n    ") + entry + "\n  }\n}\n";
    EXPECT_TRUE(RuleFindings(kRule, "versions.tf", text, "ee").empty()) << entry;
  }
  // Only the terraform block's required_providers say which provider is installed.
  EXPECT_TRUE(RuleFindings(kRule, "main.tf",
                           "locals {\n  required_providers {\n    kestra = \"~> 0.18\"\n  }\n}\n",
                           "ee")
                  .empty());
}

TEST(TerraformProviderRuleTest, HostileFilesGiveNoCrash) {
  const std::string deep = std::string(5000, '{') + "terraform { required_providers { kestra = ";
  for (const std::string& text :
       {std::string("terraform {\n  required_providers {\n    kestra = \"~> 0.18.0\n"),
        std::string("terraform {\n  required_providers {\n    kestra = {\n      version = <<EOT\n"),
        std::string("terraform { required_providers { kestra = { version = \"~> 0.1"), deep,
        std::string("terraform {") + std::string(5000, '{'), std::string("terraform")}) {
    const auto findings = CheckText("main.tf", text, "ee");
    for (const Finding& finding : findings) EXPECT_NE(finding.rule_id, "yaml-syntax");
  }
  EXPECT_THAT(Located(RuleFindings(
                  kRule, "main.tf",
                  "terraform {\n  required_providers {\n    kestra = \"~> 0.18.0\n", "ee")),
              ElementsAre("3:15 terraform-provider-before-tenants"));
}

}  // namespace
}  // namespace kestra_lint
