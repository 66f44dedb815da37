// Every output format written from the one fixed set of findings
// (report_fixture.h) must match its golden file in tests/golden/ byte for
// byte. After a deliberate change, regenerate them with
//   KESTRA_LINT_UPDATE_GOLDEN=1 build/kestra_lint_tests --gtest_filter='GoldenOutputTest.*'
// and review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>

#include "audit/audit.h"
#include "base/sha256.h"
#include "external_tool.h"
#include "report/report.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

// The tool version stands as @VERSION@ in the golden files, so a release
// does not rewrite them.
std::string WithoutVersion(std::string text) {
  const std::string version = ToolVersion();
  for (size_t at = text.find(version); at != std::string::npos; at = text.find(version, at)) {
    text.replace(at, version.size(), "@VERSION@");
  }
  return text;
}

void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = testing::SourceDir() + "/tests/golden/" + name;
  const std::string normalized = WithoutVersion(actual);
  if (std::getenv("KESTRA_LINT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << normalized;
  }
  const std::string expected = testing::ReadFile(path);
  if (expected == normalized) return;
  // Name the first line that differs rather than print both files whole.
  size_t line = 1;
  size_t start = 0;
  while (start < expected.size() && start < normalized.size()) {
    const size_t end = std::min(expected.find('\n', start), expected.size());
    if (expected.compare(start, end - start + 1, normalized, start, end - start + 1) != 0) break;
    start = end + 1;
    ++line;
  }
  ADD_FAILURE() << "output differs from " << path << " first at line " << line
                << "\nexpected: " << expected.substr(start, expected.find('\n', start) - start)
                << "\nactual:   " << normalized.substr(start, normalized.find('\n', start) - start)
                << "\n(KESTRA_LINT_UPDATE_GOLDEN=1 regenerates it; review the diff)";
}

const char* Extension(const std::string& format) {
  if (format == "json" || format == "gitlab") return ".json";
  if (format == "junit" || format == "checkstyle") return ".xml";
  if (format == "sarif") return ".sarif";
  return ".txt";
}

TEST(GoldenOutputTest, EveryFormatMatchesItsGoldenFile) {
  for (const auto& [name, formatter] : Formatters()) {
    SCOPED_TRACE(name);
    ExpectGolden(name + Extension(name), testing::FixtureOutput(formatter));
  }
}

TEST(GoldenOutputTest, AuditReportsMatchTheirGoldenFiles) {
  const testing::ReportFixture fixture;
  const AuditJson audit = BuildAudit(fixture.report(), AuditTime{1764316800, "SOURCE_DATE_EPOCH"});
  const std::vector<std::pair<std::string, void (*)(const AuditJson&, std::ostream&)>> writers = {
      {"audit.html", WriteAuditHtml},
      {"audit.json", WriteAuditJson},
      {"audit.md", WriteAuditMarkdown}};
  for (const auto& [name, writer] : writers) {
    SCOPED_TRACE(name);
    std::ostringstream out;
    writer(audit, out);
    // The HTML and Markdown show the JSON's digest, which covers the version.
    std::string text = out.str();
    const std::string digest = Sha256Hex(AuditJsonText(audit));
    for (size_t at = text.find(digest); at != std::string::npos; at = text.find(digest, at)) {
      text.replace(at, digest.size(), "@JSON-SHA256@");
    }
    ExpectGolden(name, text);
  }
}

}  // namespace
}  // namespace kestra_lint
