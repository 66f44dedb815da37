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

TEST(FormatCompactTest, LineBreaksInAMessageBecomeSpacesAndControlsAreEscaped) {
  const std::string out = FixtureOutput(WriteCompact);
  EXPECT_NE(out.find("odd dir/app,1:%.yml:2:3: error: illegal map value near 'x: "
                     "<script>alert(\"1\")</script> ]]> 100%' then \\x01 caf\xC3\xA9, line end "
                     "[yaml-syntax]\n"),
            std::string::npos)
      << out;
}

// A newline in a file name must not start a line that reads as a finding, and
// terminal escapes from a file must not reach the terminal.
TEST(FormatCompactTest, AFileNameCannotForgeAFindingLine) {
  testing::ReportFixture fixture;
  fixture.result.findings[0].path = "a.yml\nforged.yml:1:1: error: all is fine [x]\x1b]0;T\x07";
  fixture.result.findings[0].message += " \x1b[2J\r";
  std::ostringstream out;
  WriteCompact(fixture.report(), out);
  const std::string text = out.str();
  EXPECT_EQ(text.find("\nforged.yml"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  EXPECT_EQ(text.substr(0, text.find(':', 40)),
            "\"a.yml\\x0aforged.yml:1:1: error: all is fine [x]\\x1b]0;T\\x07\"");
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 5);
}

}  // namespace
}  // namespace kestra_lint
