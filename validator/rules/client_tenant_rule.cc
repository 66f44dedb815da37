#include "rules/client_tenant_rule.h"

#include "facts/certain_tenant.h"
#include "facts/tenant_id.h"

namespace kestra_lint {
namespace {

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool IsQuote(char c) { return c == '"' || c == '\''; }

// Fills the empty string with the certain tenant (CertainTenant), as
// inserting it into a URI does. The span may hold the quotes or only what
// lies between them; either way only blanks may lie between the quotes.
std::vector<TextEdit> TenantFill(const ScannedFile& file, const ClientSetting& client,
                                 const Facts& facts) {
  const std::string tenant = CertainTenant(file, facts);
  if (tenant.empty() || (file.kind != FileKind::kFlow && !IsValidTenantId(tenant))) return {};
  const std::string& text = file.source.text();
  size_t begin = client.tenant_span.begin;
  size_t end = client.tenant_span.end;
  if (end > text.size() || end < begin) return {};
  if (end - begin >= 2 && IsQuote(text[begin]) && text[end - 1] == text[begin]) {
    ++begin;
    --end;
  } else if (begin == 0 || end >= text.size() || !IsQuote(text[begin - 1]) ||
             text[end] != text[begin - 1]) {
    return {};
  }
  if (!IsBlank(std::string_view(text).substr(begin, end - begin))) return {};
  return {MakeTextEdit(file.source, begin, end, tenant)};
}

class ClientTenantRule : public Rule {
 public:
  using Rule::Rule;

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const ClientSetting& client : file.clients) {
      if (!client.has_tenant || !IsBlank(client.tenant)) continue;
      Finding finding =
          MakeFinding(file, client.tenant_span, facts,
                      {{"client", client.client}, {"key", client.tenant_key}}, nullptr);
      finding.origin =
          (client.origin.empty() ? client.client : client.origin) + " > " + client.tenant_key;
      finding.fix = TenantFill(file, client, facts);
      out.push_back(std::move(finding));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeClientTenantRule(RuleDefinition definition) {
  return std::make_unique<ClientTenantRule>(std::move(definition));
}

}  // namespace kestra_lint
