#include "rules/client_base_url_rule.h"

#include "base/secrets.h"
#include "edits/key_edits.h"
#include "facts/certain_tenant.h"
#include "facts/tenant_id.h"

namespace kestra_lint {

namespace {

// The tenant setting the suggestion asks for, on its own line after the
// URL's, indented like it. Only for a GitHub step's `with:`, where nothing
// else can give the action its tenant, and only with a certain tenant.
std::vector<TextEdit> TenantSettingLine(const ScannedFile& file, const ClientSetting& client,
                                        const Facts& facts) {
  if (file.kind != FileKind::kWorkflow || client.has_tenant || client.tenant_key.empty()) {
    return {};
  }
  const std::string tenant = CertainTenant(file, facts);
  const std::string& text = file.source.text();
  if (!IsValidTenantId(tenant) || client.url_span.end > text.size()) return {};
  size_t line_begin = client.url_span.begin;
  while (line_begin > 0 && text[line_begin - 1] != '\n') --line_begin;
  size_t key = line_begin;
  while (key < text.size() && text[key] == ' ') ++key;
  const size_t line_end = text.find('\n', client.url_span.end);
  if (text.compare(key, client.url_key.size(), client.url_key) != 0 ||
      key + client.url_key.size() >= text.size() || text[key + client.url_key.size()] != ':' ||
      line_end == std::string::npos) {
    return {};
  }
  const std::string newline = line_end > 0 && text[line_end - 1] == '\r' ? "\r\n" : "\n";
  return {MakeTextEdit(file.source, line_end + 1, line_end + 1,
                       text.substr(line_begin, key - line_begin) + client.tenant_key + ": " +
                           TenantYamlScalar(tenant) + newline)};
}

// Dropping /api/v1... is certain when nothing but a trailing slash follows
// it, or the tenant the client already sets; the URL must be written
// verbatim, quoted or not.
std::vector<TextEdit> BaseUrlFix(const ScannedFile& file, const ClientSetting& client, size_t api,
                                 const Facts& facts) {
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
  std::vector<TextEdit> edits = {
      MakeTextEdit(file.source, begin + api, begin + client.url.size(), "")};
  for (TextEdit& edit : TenantSettingLine(file, client, facts)) edits.push_back(std::move(edit));
  return edits;
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
      finding.fix = BaseUrlFix(file, client, api, facts);
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
