#include "rules/client_tenant_rule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;
using testing::OfRule;

const char kProvider[] =
    "provider \"kestra\" {\n"
    "  url       = \"https://kestra.example.com\"\n"
    "  tenant_id = \" \"\n"
    "}\n";

TEST(ClientTenantRuleTest, AnEmptyTenantIsAnErrorInEnterpriseAndAWarningInOss) {
  const auto ee = OfRule(CheckText("main.tf", kProvider, "ee"), "client-tenant-empty");
  EXPECT_THAT(Located(ee), ElementsAre("3:16 client-tenant-empty"));
  EXPECT_EQ(ee[0].severity, Severity::kError);
  EXPECT_EQ(ee[0].message,
            "terraform provider kestra sets tenant_id to an empty string: its calls go to "
            "tenant-less /api/v1/... routes, which Enterprise no longer serves from 0.23");
  EXPECT_EQ(ee[0].suggestion, "Set tenant_id to '<tenant-id>'");
  const auto oss = OfRule(CheckText("main.tf", kProvider, "oss"), "client-tenant-empty");
  ASSERT_EQ(oss.size(), 1u);
  EXPECT_EQ(oss[0].severity, Severity::kWarning);
  EXPECT_EQ(oss[0].suggestion, "Set tenant_id to 'main'");
}

TEST(ClientTenantRuleTest, AbsentOrSetTenantsAndOlderTargetsAreFine) {
  EXPECT_TRUE(
      CheckText("main.tf", "provider \"kestra\" {\n  url = \"http://k:8080\"\n}\n", "ee").empty());
  EXPECT_TRUE(
      CheckText("main.tf", "provider \"kestra\" {\n  tenant_id = \"acme\"\n}\n", "ee").empty());
  EXPECT_TRUE(CheckText("main.tf", kProvider, "ee", "0.22").empty());
}

}  // namespace
}  // namespace kestra_lint
