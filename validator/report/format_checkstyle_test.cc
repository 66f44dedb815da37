#include <gtest/gtest.h>

#include "external_tool.h"
#include "report/report.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

using testing::FixtureOutput;

TEST(FormatCheckstyleTest, IsWellFormedXmlForXmllint) {
  if (!testing::IsExecutable(testing::kXmllint)) {
    GTEST_SKIP() << "xmllint not installed (Debian package libxml2-utils; scripts/deps.sh)";
  }
  EXPECT_EQ(testing::XmlProblems(FixtureOutput(WriteCheckstyle)), "");
}

TEST(FormatCheckstyleTest, OneFileElementPerScannedFileCleanOnesEmpty) {
  const std::string out = FixtureOutput(WriteCheckstyle);
  EXPECT_NE(out.find("  <file name=\"clean/values.yaml\"/>\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  <file name=\"config/application.yml\">\n    <error line=\"4\" column=\"7\" "
                     "severity=\"error\" message=\"&#39;kestra.ee.tenants.defaultTenant&#39; was "
                     "removed in Kestra 0.23"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("source=\"kestra-lint.removed-default-tenant\"/>"), std::string::npos);
  EXPECT_EQ(out.find("duplicate-key"), std::string::npos);  // suppressed
}

TEST(FormatCheckstyleTest, EscapesMarkupAndReplacesControlCharacters) {
  const std::string out = FixtureOutput(WriteCheckstyle);
  EXPECT_NE(out.find("message=\"illegal map value near &#39;x: &lt;script&gt;alert(&quot;1&quot;)"
                     "&lt;/script&gt; ]]&gt; 100%&#39;&#10;then \xEF\xBF\xBD caf\xC3\xA9, "
                     "line&#13;&#10;end\""),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("<script>"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
