#include "extract/extract_terraform.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;

const char kProviders[] =
    "# provider \"kestra\" { url = \"http://commented/api/v1\" }\n"
    "provider \"kestra\" {\n"
    "  url       = \"http://kestra:8080/api/v1\" // trailing comment {\n"
    "  tenant_id = \"\"\n"
    "  headers = { \"X-A\" = \"}\" }\n"
    "}\n"
    "/* a block comment with { braces */\n"
    "provider \"kestra\" {\n"
    "  alias     = \"staging\"\n"
    "  url       = \"http://${var.host}:8080\"\n"
    "  tenant_id = var.tenant\n"
    "}\n"
    "provider \"aws\" {\n"
    "  endpoint = \"http://localstack/api/v1\"\n"
    "}\n"
    "resource \"kestra_flow\" \"f\" {\n"
    "  content = <<-EOT\n"
    "    id: f\n"
    "    tasks:\n"
    "      - uri: \"http://kestra:8080/api/v1/flows/n\"\n"
    "  EOT\n"
    "  note = \"say \\\"hi\\\" to http://kestra:8080/api/v1/executions/n/f\"\n"
    "}\n";

TEST(ExtractTerraformTest, ProviderBlocksAreClientsAndStringsHaveUris) {
  const auto findings = CheckText("infra/main.tf", kProviders, "ee");
  EXPECT_THAT(Located(findings),
              ElementsAre("3:16 api-base-url-has-path", "4:15 client-tenant-empty",
                          "20:15 api-uri-missing-tenant", "22:25 api-uri-missing-tenant"));
  EXPECT_EQ(findings[1].origin, "provider \"kestra\" > tenant_id");
}

TEST(ExtractTerraformTest, AliasAndExpressionsAreRead) {
  const ScannedFile file = ExtractText("main.tf", kProviders);
  EXPECT_EQ(file.kind, FileKind::kTerraform);
  ASSERT_EQ(file.clients.size(), 2u);
  EXPECT_EQ(file.clients[1].origin, "provider \"kestra\" (alias staging)");
  EXPECT_EQ(file.clients[1].url, "http://${var.host}:8080");
  EXPECT_FALSE(file.clients[1].has_tenant);
}

TEST(ExtractTerraformTest, KestraProviderRequirementsAndTenantSettings) {
  const char text[] =
      "terraform {\n"
      "  required_providers {\n"
      "    kestra { source = \"kestra-io/kestra\"\n version = \"~> 0.22\" }\n"
      "    k2 = { source = \"example.com/kestra-io/kestra\", version = \"0.20.1\" }\n"
      "    k3 = { source = \"acme/kestra\", version = \"0.20.1\" }\n"
      "    kestra = \"< 0.23\"\n"
      "  }\n"
      "}\n";
  const ScannedFile file = ExtractText("versions.tf", text);
  ASSERT_EQ(file.kestra_provider_requirements.size(), 3u);
  const ProviderRequirement& block = file.kestra_provider_requirements[0];
  EXPECT_EQ(block.constraint, "~> 0.22");
  EXPECT_EQ(std::string(text).substr(block.constraint_span.begin,
                                     block.constraint_span.end - block.constraint_span.begin),
            "~> 0.22");
  EXPECT_EQ(file.kestra_provider_requirements[1].origin, "required_providers > k2");
  EXPECT_EQ(file.kestra_provider_requirements[2].constraint, "< 0.23");
  EXPECT_FALSE(file.kestra_provider_tenant_set);
  EXPECT_TRUE(ExtractText("main.tf", kProviders).kestra_provider_tenant_set);
  EXPECT_FALSE(ExtractText("main.tf", "provider \"aws\" {\n  tenant_id = \"x\"\n}\n")
                   .kestra_provider_tenant_set);
}

TEST(ExtractTerraformTest, BrokenFilesNeverCrash) {
  for (const char* text :
       {"provider \"kestra\" {\n  url = \"http://x/api/v1\n", "provider \"kestra\" {",
        "x = <<EOT\nno end", "\"", "/* open", "provider", "}}}}{{{{", "a = <<\n"}) {
    const ScannedFile file = ExtractText("main.tf", text);
    EXPECT_TRUE(file.problems.empty()) << text;
  }
  EXPECT_THAT(Located(CheckText("main.tf", "provider \"kestra\" {\n  url = \"http://x/api/v1\n")),
              ElementsAre("2:10 api-base-url-has-path"));
}

}  // namespace
}  // namespace kestra_lint
