#include "lsp/lsp_hover.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

// Text from a file shows as text: no image, link, HTML or fence of its own,
// and a suggestion is labelled as one, not as a replacement.
TEST(LspHoverTest, EscapesMarkdownFromTheFile) {
  const SourceText source("url: x\n");
  Finding finding;
  finding.rule_id = "api-uri-missing-tenant";
  finding.severity = Severity::kError;
  finding.message = "![x](http://evil/p.png) [link](http://evil) <b>bold</b> *em* `code`";
  finding.suggestion = "```\n# heading\n- item\x1b[2J";
  finding.line = 1;
  finding.column = 6;
  finding.end_line = 1;
  finding.end_column = 7;
  const std::string markdown = HoverFor({&finding}, source)["contents"]["value"];
  EXPECT_NE(
      markdown.find("\\!\\[x\\](http://evil/p.png) \\[link\\](http://evil) \\<b\\>bold\\</b\\> "
                    "\\*em\\* \\`code\\`"),
      std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("**Suggestion:** \\`\\`\\`\n\\# heading\n\\- item\\\\x1b\\[2J"),
            std::string::npos)
      << markdown;
  EXPECT_EQ(markdown.find("Suggested replacement"), std::string::npos);
  EXPECT_EQ(markdown.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
