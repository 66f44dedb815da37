#include "rules/rule_explanation.h"

#include "base/embedded_files.h"

namespace kestra_lint {

std::string RuleDocPage(const std::string& rule_id) {
  const EmbeddedFile* doc = FindEmbeddedFile("docs/rules/" + rule_id + ".md");
  return doc == nullptr ? std::string() : std::string(doc->bytes);
}

std::string ExplainRule(const Rule& rule) {
  const RuleDefinition& definition = rule.definition();
  std::string page = RuleDocPage(definition.id);
  if (!page.empty()) return page;
  page = "# " + definition.id + "\n\n" + definition.title +
         "\n\nSeverity: " + SeverityName(definition.severity) + "\nPack: " + definition.pack + "\n";
  if (!definition.docs.empty()) page += "Docs: " + definition.docs + "\n";
  return page;
}

}  // namespace kestra_lint
