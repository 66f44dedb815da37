#include "lsp/lsp_code_actions.h"

#include <gtest/gtest.h>

#include "fix/fix.h"
#include "lsp/lsp_diagnostics.h"

namespace kestra_lint {
namespace {

// Sets the 1-based positions of bytes [begin, end) of `source` on a finding.
void Place(const SourceText& source, size_t begin, size_t end, Finding& placed) {
  const Position start = source.PositionAt(begin);
  const Position stop = source.PositionAt(end);
  placed.line = start.line;
  placed.column = start.column;
  placed.end_line = stop.line;
  placed.end_column = stop.column;
}

// A finding on the bytes [begin, end) of `source`, as rules place them.
Finding FindingAt(const SourceText& source, size_t begin, size_t end, const std::string& rule) {
  Finding finding;
  finding.rule_id = rule;
  finding.severity = Severity::kError;
  finding.message = "message";
  finding.suggestion = "suggestion";
  Place(source, begin, end, finding);
  return finding;
}

std::string Applied(std::string text, const TextEdit& edit) {
  return text.replace(edit.begin, edit.end - edit.begin, edit.replacement);
}

TEST(WorkspaceEditFor, ConvertsByteEditsToUtf16RangesAfterAstralCharacters) {
  // "# 😀 é" before the URI on the same line: a fix inserting the tenant
  // after /api/v1 must land at the right UTF-16 character.
  const std::string text =
      "uri: \"{{ kestra.url }}/api/v1/flows\"  # \xF0\x9F\x98\x80\n"
      "x: \xF0\x9F\x98\x80\xC3\xA9 http://kestra:8080/api/v1/executions\n";
  const SourceText source(text);
  const size_t insert = text.find("/executions");
  Finding finding =
      FindingAt(source, text.find("http"), text.rfind('\n'), "api-uri-missing-tenant");
  finding.fix.push_back(MakeTextEdit(source, insert, insert, "/main"));
  const nlohmann::json edit = WorkspaceEditFor(finding, source, "file:///w/a.yml");
  const nlohmann::json& edits = edit.at("changes").at("file:///w/a.yml");
  ASSERT_EQ(edits.size(), 1u);
  // "x: " 3 + 😀 2 + é 1 + " " 1 + "http://kestra:8080/api/v1" 25.
  EXPECT_EQ(edits[0]["range"]["start"], nlohmann::json({{"line", 1}, {"character", 32}}));
  EXPECT_EQ(edits[0]["range"]["end"], edits[0]["range"]["start"]);
  EXPECT_EQ(edits[0]["newText"], "/main");
}

TEST(WorkspaceEditFor, KeepsEveryEditOfAFixAndDeletionsSpanLines) {
  const std::string text = "kestra:\n  ee:\n    tenants:\n      enabled: true\n";
  const SourceText source(text);
  Finding finding =
      FindingAt(source, text.find("enabled"), text.find(": true"), "removed-tenants-enabled");
  finding.fix.push_back(MakeTextEdit(source, text.find("  ee:"), text.size(), ""));
  finding.fix.push_back(MakeTextEdit(source, 0, 0, "# fixed\n"));
  const nlohmann::json edits = WorkspaceEditFor(finding, source, "u").at("changes").at("u");
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(edits[0]["range"]["start"], nlohmann::json({{"line", 1}, {"character", 0}}));
  EXPECT_EQ(edits[0]["range"]["end"], nlohmann::json({{"line", 4}, {"character", 0}}));
}

TEST(SuppressionEditFor, YamlLineGetsATrailingDisableLineComment) {
  const std::string text = "kestra:\n  ee.tenants.enabled: true\n";
  const SourceText source(text);
  const Finding finding =
      FindingAt(source, text.find("ee."), text.find(':', 10), "removed-tenants-enabled");
  const std::optional<TextEdit> edit =
      SuppressionEditFor(finding, source, FileKind::kApplicationConfig);
  ASSERT_TRUE(edit);
  EXPECT_EQ(Applied(text, *edit),
            "kestra:\n  ee.tenants.enabled: true  # kestra-lint disable-line "
            "removed-tenants-enabled -- <reason>\n");
}

TEST(SuppressionEditFor, LineWithACommentGetsADisableNextLineAboveWithItsIndentAndCrLf) {
  const std::string text = "kestra:\r\n  ee.tenants.enabled: true # was on\r\n";
  const SourceText source(text);
  const Finding finding = FindingAt(source, text.find("ee."), text.find(": true"), "r");
  const std::optional<TextEdit> edit =
      SuppressionEditFor(finding, source, FileKind::kApplicationConfig);
  ASSERT_TRUE(edit);
  EXPECT_EQ(Applied(text, *edit),
            "kestra:\r\n  # kestra-lint disable-next-line r -- <reason>\r\n"
            "  ee.tenants.enabled: true # was on\r\n");
  EXPECT_EQ(edit->line, 2);
  EXPECT_EQ(edit->column, 1);
}

TEST(SuppressionEditFor, HashInsideQuotesIsNotAComment) {
  const std::string text = "url: \"http://k/#/api/v1/flows\"\n";
  const SourceText source(text);
  const Finding finding = FindingAt(source, text.find("http"), text.find("\"\n"), "r");
  const std::optional<TextEdit> edit = SuppressionEditFor(finding, source, FileKind::kOtherYaml);
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->begin, text.find('\n'));
}

TEST(SuppressionEditFor, PropertiesAndEnvFilesGetAWholeLineComment) {
  const std::string text = "kestra.ee.tenants.enabled=true\n";
  const SourceText source(text);
  Finding finding = FindingAt(source, 0, text.find('='), "r");
  for (const char* path : {"application.properties", ".env"}) {
    finding.path = path;
    const FileKind kind = std::string(path) == ".env" ? FileKind::kEnvFile : FileKind::kProperties;
    const std::optional<TextEdit> edit = SuppressionEditFor(finding, source, kind);
    ASSERT_TRUE(edit) << path;
    EXPECT_EQ(edit->begin, 0u);
    EXPECT_EQ(edit->replacement, "# kestra-lint disable-next-line r -- <reason>\n");
  }
}

const char kComposeWithEmbeddedConfig[] =
    "services:\n"
    "  kestra:\n"
    "    environment:\n"
    "      KESTRA_CONFIGURATION: |\n"
    "        kestra:\n"
    "          ee.tenants.enabled: true\n"
    "          ee.tenants.defaultTenant: true # old\n"
    "    healthcheck:\n"
    "      test: |\n"
    "        curl http://kestra:8080/api/v1/flows\n"
    "    command: \"server standalone\n"
    "      http://kestra:8080/api/v1/flows\n"
    "      --verbose\"\n";

Finding ComposeFinding(const SourceText& source, const std::string& at, const std::string& rule) {
  const size_t begin = source.text().find(at);
  Finding finding = FindingAt(source, begin, begin + at.size(), rule);
  finding.path = "docker-compose.yml";
  return finding;
}

// Inside KESTRA_CONFIGURATION the comment is one of the embedded document.
TEST(SuppressionEditFor, EmbeddedConfigurationGetsAYamlCommentOfItsOwn) {
  const SourceText source(kComposeWithEmbeddedConfig);
  const std::optional<TextEdit> trailing =
      SuppressionEditFor(ComposeFinding(source, "ee.tenants.enabled", "removed-tenants-enabled"),
                         source, FileKind::kCompose);
  ASSERT_TRUE(trailing);
  EXPECT_EQ(trailing->line, 6);
  EXPECT_EQ(trailing->replacement,
            "  # kestra-lint disable-line removed-tenants-enabled -- <reason>");
  const std::optional<TextEdit> above = SuppressionEditFor(
      ComposeFinding(source, "ee.tenants.defaultTenant", "removed-default-tenant"), source,
      FileKind::kCompose);
  ASSERT_TRUE(above);
  EXPECT_EQ(above->line, 7);
  EXPECT_EQ(above->column, 1);
  EXPECT_EQ(above->replacement,
            "          # kestra-lint disable-next-line removed-default-tenant -- <reason>\n");
}

// A '#' in a shell script or inside a quoted string (not after its closing
// quote) is no comment, so no action pretends to waive those findings.
TEST(CodeActionsFor, NoDisableActionWhereACommentWouldDoNothing) {
  const SourceText source(kComposeWithEmbeddedConfig);
  const std::string uri = "http://kestra:8080/api/v1/flows";
  for (const size_t begin : {source.text().find(uri), source.text().rfind(uri)}) {
    Finding finding = FindingAt(source, begin, begin + uri.size(), "api-uri-missing-tenant");
    finding.path = "docker-compose.yml";
    EXPECT_FALSE(SuppressionEditFor(finding, source, FileKind::kCompose)) << finding.line;
    const nlohmann::json actions =
        CodeActionsFor({&finding}, source, FileKind::kCompose, "file:///w/docker-compose.yml");
    std::vector<std::string> titles;
    for (const nlohmann::json& action : actions) titles.push_back(action["title"]);
    EXPECT_EQ(titles, (std::vector<std::string>{"Explain api-uri-missing-tenant"})) << finding.line;
  }
}

TEST(CodeActionsFor, QuickFixOnlyForFindingsWithAFixAndOneExplainPerRule) {
  const std::string text = "a: http://kestra/api/v1/flows http://kestra/api/v1/executions\n";
  const SourceText source(text);
  Finding fixable = FindingAt(source, 3, 29, "api-uri-missing-tenant");
  fixable.fix.push_back(MakeTextEdit(source, 23, 23, "/main"));
  const Finding manual = FindingAt(source, 30, 61, "api-uri-missing-tenant");
  const nlohmann::json actions =
      CodeActionsFor({&fixable, &manual}, source, FileKind::kOtherYaml, "file:///w/a.yml");
  std::vector<std::string> titles;
  for (const nlohmann::json& action : actions) titles.push_back(action["title"]);
  EXPECT_EQ(titles, (std::vector<std::string>{"Fix api-uri-missing-tenant: suggestion",
                                              "Disable api-uri-missing-tenant for this line",
                                              "Explain api-uri-missing-tenant",
                                              "Disable api-uri-missing-tenant for this line"}));
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_TRUE(actions[0]["isPreferred"].get<bool>());
  EXPECT_EQ(actions[0]["diagnostics"][0]["code"], "api-uri-missing-tenant");
  EXPECT_EQ(actions[2]["command"]["command"], kExplainCommand);
  EXPECT_EQ(actions[2]["command"]["arguments"], nlohmann::json::array({"api-uri-missing-tenant"}));
}

}  // namespace
}  // namespace kestra_lint
