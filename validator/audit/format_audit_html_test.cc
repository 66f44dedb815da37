#include <gtest/gtest.h>

#include "audit/audit.h"
#include "external_tool.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

std::string Html(const testing::ReportFixture& fixture) {
  std::ostringstream out;
  WriteAuditHtml(BuildAudit(fixture.report(), AuditTime{0, "SOURCE_DATE_EPOCH"}), out);
  return out.str();
}

TEST(FormatAuditHtmlTest, IsSelfContained) {
  const std::string html = Html(testing::ReportFixture());
  EXPECT_EQ(testing::Occurrences(html, "<script"), 0u);
  EXPECT_EQ(testing::Occurrences(html, "<link"), 0u);
  EXPECT_EQ(testing::Occurrences(html, " src="), 0u);
  EXPECT_EQ(testing::Occurrences(html, " href="), 0u);
  EXPECT_EQ(testing::Occurrences(html, "url("), 0u);
  EXPECT_EQ(testing::Occurrences(html, "@import"), 0u);
  EXPECT_EQ(testing::Occurrences(html, "<style>"), 1u);
  EXPECT_EQ(testing::Occurrences(html, "<svg id=\"chart\""), 1u);
}

TEST(FormatAuditHtmlTest, EscapesEverythingFromScannedFiles) {
  const std::string html = Html(testing::InjectingFixture());
  EXPECT_EQ(testing::Occurrences(html, "<img"), 0u);
  EXPECT_EQ(testing::Occurrences(html, "<script"), 0u);
  EXPECT_EQ(testing::Occurrences(html, "<iframe"), 0u);
  EXPECT_EQ(testing::Occurrences(html, "<b>"), 0u);
  EXPECT_EQ(testing::Occurrences(html,
                                 "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;document.title="
                                 "&#39;owned&#39;&lt;/script&gt;"),
            2u);
  EXPECT_NE(html.find("<td>clean/&lt;iframe src=x&gt;.yaml</td>"), std::string::npos);
}

TEST(FormatAuditHtmlTest, ChartBarsScaleToTheLargestCount) {
  const std::string html = Html(testing::ReportFixture());
  EXPECT_NE(html.find("<rect x=\"80\" y=\"4\" width=\"320\" height=\"24\" fill=\"#cf222e\">"
                      "<title>Errors: 2</title>"),
            std::string::npos);
  EXPECT_NE(html.find("width=\"160\" height=\"24\" fill=\"#0969da\"><title>Infos: 1</title>"),
            std::string::npos);
}

// The page as a browser builds it: headless Chromium parses the report and
// prints the resulting DOM, which must hold the right counts and no element
// that came from a scanned file.
TEST(FormatAuditHtmlTest, RendersInHeadlessChromiumWithTheRightCountsAndNoInjection) {
  if (!testing::IsExecutable(testing::kChromium)) {
    GTEST_SKIP() << "Chromium not installed at " << testing::kChromium
                 << " (Debian package chromium; scripts/deps.sh installs it)";
  }
  const testing::TempDir dir;
  const std::string page = dir.Write("audit.html", Html(testing::InjectingFixture()));
  const testing::CliRun run = testing::RunShell(
      "timeout 120 " + std::string(testing::kChromium) +
      " --headless --no-sandbox --disable-gpu --disable-background-networking "
      "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
      dir.path() + "/profile --dump-dom file://" + page + " 2>/dev/null");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const std::string& dom = run.out;
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom;
  EXPECT_NE(dom.find("<title>kestra-lint audit: FAIL</title>"), std::string::npos);
  EXPECT_NE(dom.find("<span id=\"verdict\" class=\"verdict fail\">FAIL</span>"), std::string::npos);
  EXPECT_NE(dom.find("<td id=\"count-files\">5</td>"), std::string::npos);
  EXPECT_NE(dom.find("<td id=\"count-errors\">2</td>"), std::string::npos);
  EXPECT_NE(dom.find("<td id=\"count-warnings\">2</td>"), std::string::npos);
  EXPECT_NE(dom.find("<td id=\"count-infos\">1</td>"), std::string::npos);
  EXPECT_NE(dom.find("<td id=\"count-waived\">1</td>"), std::string::npos);
  EXPECT_EQ(testing::Occurrences(dom, "<tr class=\"finding\""), 5u);
  EXPECT_EQ(testing::Occurrences(dom, "data-severity=\"error\""), 2u);
  EXPECT_EQ(testing::Occurrences(dom, "<tr class=\"waived-finding\""), 1u);
  EXPECT_EQ(testing::Occurrences(dom, "<tr class=\"file\""), 5u);
  EXPECT_EQ(testing::Occurrences(dom, "<rect "), 4u);
  // Nothing from the scanned files became an element; it shows as text.
  EXPECT_EQ(testing::Occurrences(dom, "<img"), 0u);
  EXPECT_EQ(testing::Occurrences(dom, "<script"), 0u);
  EXPECT_EQ(testing::Occurrences(dom, "<iframe"), 0u);
  EXPECT_EQ(testing::Occurrences(dom, "<b>"), 0u);
  EXPECT_EQ(dom.find("owned</title>"), std::string::npos);
  EXPECT_NE(dom.find("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(dom.find("clean/&lt;iframe src=x&gt;.yaml"), std::string::npos);
}

// A long URL wraps inside its cell: laid out by headless Chromium in a
// 1280 px window, the page is no wider than the window, so no column (the
// Fingerprint column last) is cut off. A script added to this copy of the page
// reads the laid-out width into the DOM that Chromium prints.
TEST(FormatAuditHtmlTest, ALongUrlKeepsThePageWithin1280Pixels) {
  if (!testing::IsExecutable(testing::kChromium)) {
    GTEST_SKIP() << "Chromium not installed at " << testing::kChromium
                 << " (Debian package chromium; scripts/deps.sh installs it)";
  }
  testing::ReportFixture fixture;
  const std::string url = "http://kestra.internal.example.com:8080/api/v1/executions/" +
                          std::string(400, 'a') + "?filter=" + std::string(200, 'b');
  for (Finding& finding : fixture.result.findings) {
    finding.uri = url;
    finding.message = url + " has no tenant";
    finding.source_line = "  url: " + url;
  }
  std::string html = Html(fixture);
  html.insert(html.rfind("</body>"),
              "<script>document.body.setAttribute('data-page-width', "
              "String(document.documentElement.scrollWidth))</script>");
  const testing::TempDir dir;
  const std::string page = dir.Write("audit.html", html);
  const testing::CliRun run = testing::RunShell(
      "timeout 120 " + std::string(testing::kChromium) +
      " --headless --no-sandbox --disable-gpu --disable-background-networking "
      "--disable-component-update --disable-sync --no-first-run --window-size=1280,1024 "
      "--user-data-dir=" +
      dir.path() + "/profile --dump-dom file://" + page + " 2>/dev/null");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const size_t at = run.out.find("data-page-width=\"");
  ASSERT_NE(at, std::string::npos) << run.out.substr(0, 2000);
  const int width = std::stoi(run.out.substr(at + 17));
  EXPECT_GT(width, 0);
  EXPECT_LE(width, 1280);
}

}  // namespace
}  // namespace kestra_lint
