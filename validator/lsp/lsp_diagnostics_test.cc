#include "lsp/lsp_diagnostics.h"

#include <gtest/gtest.h>

#include "base/markup_escape.h"
#include "lsp/lsp_hover.h"
#include "rules/rule_explanation.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

TEST(DiagnosticFor, CarriesSeverityCodeDocsSourceSuggestionAndData) {
  const std::string text = "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n";
  const std::vector<Finding> findings =
      testing::OfRule(testing::CheckText("application.yml", text), "removed-default-tenant");
  ASSERT_EQ(findings.size(), 1u);
  const nlohmann::json diagnostic = DiagnosticFor(findings[0], SourceText(text));
  EXPECT_EQ(diagnostic["severity"], 1);
  EXPECT_EQ(diagnostic["code"], "removed-default-tenant");
  EXPECT_EQ(diagnostic["source"], "kestra-lint");
  EXPECT_EQ(diagnostic["codeDescription"]["href"], findings[0].docs_url);
  EXPECT_FALSE(findings[0].docs_url.empty());
  EXPECT_EQ(diagnostic["range"]["start"], nlohmann::json({{"line", 3}, {"character", 6}}));
  EXPECT_EQ(diagnostic["range"]["end"], nlohmann::json({{"line", 3}, {"character", 19}}));
  const std::string message = diagnostic["message"];
  EXPECT_EQ(message, findings[0].message + "\nSuggestion: " + findings[0].suggestion);
  EXPECT_EQ(diagnostic["data"]["ruleId"], "removed-default-tenant");
  EXPECT_EQ(diagnostic["data"]["fixable"], false);
}

TEST(ConfigErrorDiagnostic, CoversTheMistakeToTheEndOfItsLineInUtf16Units) {
  // "é" is one code point, one UTF-16 unit and two bytes; "😀" one code point and two units.
  const std::string text = "tenant: \"\xC3\xA9\xF0\x9F\x98\x80x\"\nedition: ee\n";
  try {
    ParseConfig(text, "/w/.kestra-lint.yaml");
    FAIL() << "an upper-case or non-ASCII tenant is not a tenant id";
  } catch (const ConfigError& error) {
    const nlohmann::json diagnostic = ConfigErrorDiagnostic(error, SourceText(text));
    EXPECT_EQ(diagnostic["range"]["start"], nlohmann::json({{"line", 0}, {"character", 8}}));
    EXPECT_EQ(diagnostic["range"]["end"], nlohmann::json({{"line", 0}, {"character", 14}}));
    EXPECT_EQ(diagnostic["severity"], 1);
    EXPECT_EQ(diagnostic["source"], "kestra-lint");
    EXPECT_EQ(diagnostic["message"].get<std::string>().rfind("invalid setting at /tenant: ", 0),
              0u);
  }
  const nlohmann::json whole_file = ConfigErrorDiagnostic(
      ConfigError("/w/.kestra-lint.yaml", {}, "invalid rule pack"), SourceText(text));
  EXPECT_EQ(whole_file["range"]["start"], nlohmann::json({{"line", 0}, {"character", 0}}));
  EXPECT_EQ(whole_file["message"], "invalid rule pack");
}

TEST(DiagnosticFor, SeveritiesMapToLspNumbers) {
  Finding finding;
  finding.line = finding.column = 1;
  finding.severity = Severity::kWarning;
  EXPECT_EQ(DiagnosticFor(finding, SourceText("x")).at("severity"), 2);
  finding.severity = Severity::kInfo;
  EXPECT_EQ(DiagnosticFor(finding, SourceText("x")).at("severity"), 3);
  EXPECT_FALSE(DiagnosticFor(finding, SourceText("x")).contains("codeDescription"));
}

TEST(DiagnosticsFor, LeavesSuppressedFindingsOut) {
  Finding shown;
  shown.line = shown.column = 1;
  Finding waived = shown;
  waived.suppressed = true;
  EXPECT_EQ(DiagnosticsFor({shown, waived}, SourceText("x")).size(), 1u);
}

TEST(RuleExplanation, IsTheDocWithoutItsExamples) {
  const std::string doc = RuleDocPage("api-uri-missing-tenant");
  const std::string explanation = RuleExplanation("api-uri-missing-tenant");
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(doc.compare(0, explanation.size(), explanation), 0);
  EXPECT_EQ(explanation.find("## Failing example"), std::string::npos);
  EXPECT_NE(doc.find("## Failing example"), std::string::npos);
  EXPECT_EQ(RuleDocPage("no-such-rule"), "");
}

TEST(HoverFor, ShowsTheSuggestionAndExplanationButNeverACredential) {
  const std::string text =
      "id: report\nnamespace: company.team\ntasks:\n  - id: call\n"
      "    type: io.kestra.plugin.core.http.Request\n"
      "    uri: \"http://admin:hunter2secret@kestra:8080/api/v1/executions/search\"\n";
  const std::vector<Finding> findings =
      testing::OfRule(testing::CheckText("flows/report.yml", text), "api-uri-missing-tenant");
  ASSERT_EQ(findings.size(), 1u);
  const nlohmann::json hover = HoverFor({&findings[0]}, SourceText(text));
  const std::string markdown = hover["contents"]["value"];
  EXPECT_EQ(hover["contents"]["kind"], "markdown");
  EXPECT_NE(markdown.find("**Suggestion:** " + EscapeMarkdown(findings[0].suggestion)),
            std::string::npos);
  EXPECT_NE(markdown.find("# api-uri-missing-tenant"), std::string::npos);
  EXPECT_EQ(markdown.find("hunter2secret"), std::string::npos);
  EXPECT_EQ(DiagnosticFor(findings[0], SourceText(text)).dump().find("hunter2secret"),
            std::string::npos);
  EXPECT_EQ(hover["range"]["start"]["line"], 5);
}

}  // namespace
}  // namespace kestra_lint
