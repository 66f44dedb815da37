#include <gtest/gtest.h>

#include "audit.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

std::string Markdown(const testing::ReportFixture& fixture) {
  std::ostringstream out;
  WriteAuditMarkdown(BuildAudit(fixture.report(), AuditTime{0, "SOURCE_DATE_EPOCH"}), out);
  return out.str();
}

TEST(FormatAuditMarkdownTest, StartsWithTheVerdictAndCounts) {
  const std::string out = Markdown(testing::ReportFixture());
  EXPECT_EQ(out.rfind("## kestra-lint audit: FAIL\n\n2 finding(s) at or above --fail-on error; "
                      "exit code 1.\n\n| Files scanned | Errors | Warnings | Infos | Waived |\n"
                      "| --- | --- | --- | --- | --- |\n| 5 | 2 | 2 | 1 | 1 |\n",
                      0),
            0u)
      << out;
}

TEST(FormatAuditMarkdownTest, TextFromScannedFilesCannotBecomeMarkupOrBreakATable) {
  const std::string out = Markdown(testing::ReportFixture());
  EXPECT_EQ(out.find("<script>"), std::string::npos);
  EXPECT_EQ(out.find("<b>"), std::string::npos);
  EXPECT_NE(out.find("| odd dir/app,1:%.yml | 2:3 | illegal map value near 'x: &lt;script&gt;alert"
                     "\\(\"1\"\\)&lt;/script&gt; \\]\\]&gt; 100%' then \xEF\xBF\xBD caf\xC3\xA9, "
                     "line end | <code>  x: &lt;script&gt;"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("| kept on purpose: &lt;b&gt;ops&lt;/b&gt; ticket OPS-12 &amp; \"review\" |"),
            std::string::npos);
}

TEST(FormatAuditMarkdownTest, PipesInValuesAreEscaped) {
  testing::ReportFixture fixture;
  fixture.result.findings[0].message = "a | b";
  EXPECT_NE(Markdown(fixture).find("| a \\| b"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
