#include "client_base_url_rule.h"

#include "fix.h"
#include "secrets.h"

namespace kestra_lint {

namespace {

// Dropping /api/v1... is certain when nothing but a trailing slash follows
// it, or the tenant the client already sets; the URL must be written
// verbatim, quoted or not.
std::vector<TextEdit> BaseUrlFix(const ScannedFile& file, const ClientSetting& client, size_t api) {
  std::string rest = client.url.substr(api + 7);
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (!rest.empty() && !(client.has_tenant && rest == "/" + client.tenant)) return {};
  const std::string& text = file.source.text();
  const Span& span = client.url_span;
  if (span.end > text.size() || span.end < span.begin) return {};
  const std::string written = text.substr(span.begin, span.end - span.begin);
  size_t begin = span.begin;
  if (written != client.url) {
    const bool quoted = written.size() == client.url.size() + 2 &&
                        (written.front() == '"' || written.front() == '\'') &&
                        written.back() == written.front() &&
                        written.compare(1, client.url.size(), client.url) == 0;
    if (!quoted) return {};
    ++begin;
  }
  return {MakeTextEdit(file.source, begin + api, begin + client.url.size(), "")};
}

class ClientBaseUrlRule : public Rule {
 public:
  using Rule::Rule;

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const ClientSetting& client : file.clients) {
      if (!client.has_url) continue;
      const size_t api = client.url.find("/api/v1");
      if (api == std::string::npos) continue;
      const std::string url = RedactUri(client.url);
      const std::string fixed = RedactUri(client.url.substr(0, api));
      Finding finding = MakeFinding(
          file, client.url_span, facts,
          {{"uri", url}, {"fixed", fixed}, {"client", client.client}, {"key", client.url_key}},
          nullptr);
      finding.uri = url;
      finding.fix = BaseUrlFix(file, client, api);
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
