// docs/output-formats.md documents every format --format accepts, so a new
// formatter cannot ship undocumented.
#include <gtest/gtest.h>

#include "external_tool.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

TEST(DocsOutputFormatsTest, EveryFormatHasItsSection) {
  const std::string docs = testing::ReadFile(testing::SourceDir() + "/docs/output-formats.md");
  ASSERT_FALSE(docs.empty());
  for (const auto& [name, formatter] : Formatters()) {
    EXPECT_NE(docs.find("\n## `--format " + name + "`\n"), std::string::npos) << name;
  }
  EXPECT_NE(docs.find("\n## The audit report: `kestra-lint audit`\n"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
