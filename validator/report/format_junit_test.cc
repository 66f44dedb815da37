#include <gtest/gtest.h>

#include "external_tool.h"
#include "report/report.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

using testing::FixtureOutput;

TEST(FormatJunitTest, IsWellFormedXmlForXmllint) {
  if (!testing::IsExecutable(testing::kXmllint)) {
    GTEST_SKIP() << "xmllint not installed (Debian package libxml2-utils; scripts/deps.sh)";
  }
  EXPECT_EQ(testing::XmlProblems(FixtureOutput(WriteJunit)), "");
}

TEST(FormatJunitTest, CountsTestsFailuresAndSkipsPerSuiteAndInTotal) {
  const std::string out = FixtureOutput(WriteJunit);
  // 5 files: the clean one passes, 5 findings fail, 1 suppressed is skipped.
  EXPECT_NE(out.find("<testsuites name=\"kestra-lint\" tests=\"7\" failures=\"5\" errors=\"0\" "
                     "skipped=\"1\">"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("  <testsuite name=\"config/application.yml\" tests=\"2\" failures=\"1\" "
                     "errors=\"0\" skipped=\"1\">"),
            std::string::npos);
  EXPECT_NE(out.find("  <testsuite name=\"clean/values.yaml\" tests=\"1\" failures=\"0\" "
                     "errors=\"0\" skipped=\"0\">\n    <testcase name=\"kestra-lint\" "
                     "classname=\"clean/values.yaml\"/>\n"),
            std::string::npos);
}

TEST(FormatJunitTest, SuppressedFindingIsSkippedWithItsJustification) {
  EXPECT_NE(
      FixtureOutput(WriteJunit)
          .find("<skipped message=\"suppressed (inline): kept on purpose: &lt;b&gt;ops&lt;/b&gt; "
                "ticket OPS-12 &amp; &quot;review&quot;\"/>"),
      std::string::npos);
}

TEST(FormatJunitTest, DetailsInCDataSplitTheTerminator) {
  const std::string out = FixtureOutput(WriteJunit);
  EXPECT_NE(out.find("<failure message=\"illegal map value near &#39;x: &lt;script&gt;"),
            std::string::npos)
      << out;
  EXPECT_NE(
      out.find("type=\"error\"><![CDATA[odd dir/app,1:%.yml:2:3: error: illegal map value "
               "near 'x: <script>alert(\"1\")</script> ]]]]><![CDATA[> 100%'\nthen \xEF\xBF\xBD"),
      std::string::npos)
      << out;
}

}  // namespace
}  // namespace kestra_lint
