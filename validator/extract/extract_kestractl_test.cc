#include "extract/extract_kestractl.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;

TEST(ExtractKestractlTest, EveryContextIsAClient) {
  const char config[] =
      "current-context: prod\n"
      "contexts:\n"
      "  prod:\n"
      "    host: http://kestra:8080/api/v1\n"
      "    tenant: acme\n"
      "  dev:\n"
      "    host: http://localhost:8080\n"
      "    tenant: \"\"\n"
      "  default:\n"
      "    host: http://localhost:8080\n";
  const auto findings = CheckText("home/.kestractl/config.yaml", config, "ee");
  EXPECT_THAT(Located(findings),
              ElementsAre("4:11 api-base-url-has-path", "8:13 client-tenant-empty"));
  EXPECT_EQ(findings[1].message.rfind("kestractl context dev sets tenant to an empty string", 0),
            0u);
  EXPECT_EQ(findings[1].suggestion, "Set tenant to '<tenant-id>'");
  EXPECT_EQ(ExtractText("kestractl.yaml", config).clients.size(), 3u);
}

}  // namespace
}  // namespace kestra_lint
