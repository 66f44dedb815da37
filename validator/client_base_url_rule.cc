#include "client_base_url_rule.h"

#include "secrets.h"

namespace kestra_lint {

namespace {

class ClientBaseUrlRule : public Rule {
 public:
  using Rule::Rule;

  void Check(const ScannedFile& file, const Facts& facts, std::vector<Finding>& out) const override {
    for (const ClientSetting& client : file.clients) {
      if (!client.has_url) continue;
      const size_t api = client.url.find("/api/v1");
      if (api == std::string::npos) continue;
      const std::string url = RedactUri(client.url);
      const std::string fixed = RedactUri(client.url.substr(0, api));
      Finding finding = MakeFinding(file, client.url_span, facts,
                                    {{"uri", url}, {"fixed", fixed}, {"client", client.client},
                                     {"key", client.url_key}},
                                    nullptr);
      finding.uri = url;
      finding.origin = client.origin.empty() ? client.client : client.origin;
      out.push_back(std::move(finding));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeClientBaseUrlRule(RuleDefinition definition) {
  return std::make_unique<ClientBaseUrlRule>(std::move(definition));
}

}  // namespace kestra_lint
