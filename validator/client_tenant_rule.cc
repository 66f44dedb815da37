#include "client_tenant_rule.h"

namespace kestra_lint {
namespace {

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
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
      out.push_back(std::move(finding));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeClientTenantRule(RuleDefinition definition) {
  return std::make_unique<ClientTenantRule>(std::move(definition));
}

}  // namespace kestra_lint
