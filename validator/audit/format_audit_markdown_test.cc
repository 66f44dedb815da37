#include <gtest/gtest.h>

#include "audit/audit.h"
#include "external_tool.h"
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

// GitHub's own Markdown renderer, with raw HTML let through (--unsafe, the
// strictest case: hosts that sanitize would only remove more), must build no
// element from a scanned file and keep every table whole.
TEST(FormatAuditMarkdownTest, RendersWithCmarkGfmWithoutInjection) {
  const char* const cmark = "/usr/bin/cmark-gfm";
  if (!testing::IsExecutable(cmark)) {
    GTEST_SKIP() << cmark << " not installed (Debian package cmark-gfm; scripts/deps.sh)";
  }
  const testing::TempDir dir;
  const std::string markdown = dir.Write("audit.md", Markdown(testing::InjectingFixture()));
  const auto run = testing::RunShell(std::string(cmark) + " -e table --unsafe " + markdown);
  ASSERT_EQ(run.exit_code, 0);
  const std::string& html = run.out;
  // Counts, settings, rule packs, one per rule with findings (5), waived,
  // stale waivers, files.
  EXPECT_EQ(testing::Occurrences(html, "<table>"), 11u);
  EXPECT_EQ(testing::Occurrences(html, "<img"), 0u);
  EXPECT_EQ(testing::Occurrences(html, "<script"), 0u);
  EXPECT_EQ(testing::Occurrences(html, "<iframe"), 0u);
  EXPECT_EQ(testing::Occurrences(html, "<b>"), 0u);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("<td>clean/&lt;iframe src=x&gt;.yaml</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("those calls break when it is removed | not a new cell<br>"),
            std::string::npos)
      << html;
}

}  // namespace
}  // namespace kestra_lint
