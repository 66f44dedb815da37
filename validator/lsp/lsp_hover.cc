#include "lsp/lsp_hover.h"

#include "base/markup_escape.h"
#include "lsp/lsp_diagnostics.h"
#include "lsp/lsp_positions.h"

namespace kestra_lint {

nlohmann::json HoverFor(const std::vector<const Finding*>& findings, const SourceText& source) {
  std::string markdown;
  for (const Finding* finding : findings) {
    if (!markdown.empty()) markdown += "\n---\n\n";
    // Messages and suggestions may quote the file: escaped, they show as
    // text and cannot add links, images or close a block.
    markdown += "**" + EscapeMarkdown(finding->rule_id) + "** (" + SeverityName(finding->severity) +
                "): " + EscapeMarkdown(finding->message) + "\n\n";
    if (!finding->suggestion.empty()) {
      markdown += "**Suggestion:** " + EscapeMarkdown(finding->suggestion) + "\n\n";
    }
    const std::string explanation = RuleExplanation(finding->rule_id);
    if (!explanation.empty()) markdown += explanation;
    if (!finding->docs_url.empty()) markdown += "\nKestra docs: " + finding->docs_url + "\n";
  }
  return {{"contents", {{"kind", "markdown"}, {"value", markdown}}},
          {"range", ToJson(FindingRange(source, *findings.front()))}};
}

}  // namespace kestra_lint
