#include <gtest/gtest.h>

#include "report/report.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

using testing::FixtureOutput;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(FormatGithubTest, AnnotationCarriesPositionTitleAndSuggestion) {
  const auto lines = Lines(FixtureOutput(WriteGithub));
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0],
            "::error title=kestra-lint removed-default-tenant,file=config/application.yml,"
            "line=4,endLine=4,col=7,endColumn=20::'kestra.ee.tenants.defaultTenant' was removed "
            "in Kestra 0.23: the tenant-less default tenant is gone, and Kestra ignores this key "
            "without a warning%0ASuggestion: Move the tenant-less data into a tenant: run "
            "'kestra migrate default-tenant --tenant-id acme --tenant-name <name> --dry-run'");
}

TEST(FormatGithubTest, SeveritiesMapToErrorWarningNotice) {
  const auto lines = Lines(FixtureOutput(WriteGithub));
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[1].rfind("::warning title=kestra-lint fallback-tenant-temporary,", 0), 0u);
  EXPECT_EQ(lines[2].rfind("::notice title=kestra-lint kafka-queues-recreated,", 0), 0u);
  EXPECT_EQ(lines[5], "kestra-lint: 2 error(s), 2 warning(s), 1 info(s) in 5 file(s)");
}

TEST(FormatGithubTest, EscapesPropertiesAndDataAsTheToolkitDoes) {
  const auto lines = Lines(FixtureOutput(WriteGithub));
  ASSERT_EQ(lines.size(), 6u);
  // Properties escape % CR LF : and ,; data escapes % CR LF; other control
  // characters are escaped as \\xHH.
  EXPECT_EQ(lines[4],
            "::error title=kestra-lint yaml-syntax,file=odd dir/app%2C1%3A%25.yml,line=2,"
            "endLine=2,col=3,endColumn=4::illegal map value near 'x: <script>alert(\"1\")"
            "</script> ]]> 100%25'%0Athen \\x01 caf\xC3\xA9, line%0D%0Aend");
}

TEST(FormatGithubTest, SuppressedFindingsAreNotAnnotated) {
  EXPECT_EQ(FixtureOutput(WriteGithub).find("duplicate-key"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
