#include <gtest/gtest.h>

#include "report/report.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

using testing::FixtureOutput;

TEST(FormatCompactTest, OneLinePerUnsuppressedFinding) {
  const std::string out = FixtureOutput(WriteCompact);
  EXPECT_EQ(out.substr(0, out.find('\n') + 1),
            "config/application.yml:4:7: error: 'kestra.ee.tenants.defaultTenant' was removed in "
            "Kestra 0.23: the tenant-less default tenant is gone, and Kestra ignores this key "
            "without a warning [removed-default-tenant]\n");
  // Five findings, the suppressed duplicate-key one left out.
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 5);
  EXPECT_EQ(out.find("duplicate-key"), std::string::npos);
}

TEST(FormatCompactTest, LineBreaksInAMessageBecomeSpaces) {
  const std::string out = FixtureOutput(WriteCompact);
  EXPECT_NE(out.find("odd dir/app,1:%.yml:2:3: error: illegal map value near 'x: "
                     "<script>alert(\"1\")</script> ]]> 100%' then \x01 caf\xC3\xA9, line end "
                     "[yaml-syntax]\n"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace kestra_lint
