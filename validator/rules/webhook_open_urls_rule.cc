#include "rules/webhook_open_urls_rule.h"

#include "base/secrets.h"
#include "extract/api_uri.h"
#include "extract/property_name.h"
#include "rules/rule_properties.h"

namespace kestra_lint {
namespace {

constexpr std::string_view kOpenUrls = "kestra.server.basic-auth.open-urls";

// Segments after /api/v1/ of a webhook path: executions/webhook/... with or
// without a tenant before it. Sets `tenant` to the tenant segment, if any.
bool IsWebhook(const ApiUri& uri, std::string* tenant) {
  const std::vector<std::string>& segments = uri.segments;
  const auto webhook_at = [&](size_t i) {
    return segments.size() > i + 1 && segments[i] == "executions" && segments[i + 1] == "webhook";
  };
  if (webhook_at(0)) {
    tenant->clear();
    return true;
  }
  if (webhook_at(1)) {
    *tenant = segments[0];
    return true;
  }
  return false;
}

Version VersionOr(const nlohmann::json& entry, const char* name, const char* fallback) {
  return *Version::Parse(StringOr(entry, name, fallback));
}

class WebhookOpenUrlsRule : public Rule {
 public:
  explicit WebhookOpenUrlsRule(RuleDefinition definition)
      : Rule(std::move(definition)),
        open_by_default_since_(VersionOr(this->definition().entry, "openByDefaultSince", "1.0.2")),
        mandatory_auth_since_(
            VersionOr(this->definition().entry, "basicAuthMandatorySince", "0.24")) {
    const nlohmann::json messages =
        this->definition().entry.value("messages", nlohmann::json::object());
    stale_message_ = StringOr(messages, "staleOpenUrls", this->definition().message);
    wildcard_message_ = StringOr(messages, "wildcard", this->definition().message);
    wildcard_suggestion_ =
        StringOr(this->definition().entry, "wildcardSuggestion", this->definition().suggestion);
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    ReportWildcards(file, facts, out);
    if (!BasicAuthOn(facts) || TenantedWebhooksOpen(facts)) return;
    for (const UriRecord& record : file.uris) {
      std::string tenant;
      if (!IsWebhook(ParseApiUri(record.text), &tenant)) continue;
      const bool in_open_urls = PathNamesProperty(record.property, kOpenUrls);
      if (in_open_urls && !tenant.empty()) continue;
      if (tenant.empty() || IsPlaceholderSegment(tenant)) {
        tenant = facts.tenant.empty() ? "<tenant-id>" : facts.tenant;
      }
      const std::string uri = RedactUri(record.text);
      const Substitutions values = {{"uri", uri},
                                    {"entry", "/api/v1/" + tenant + "/executions/webhook/"}};
      Finding finding = MakeFinding(file, record.span, facts, values, nullptr);
      if (in_open_urls) finding.message = RenderTemplate(stale_message_, values);
      finding.uri = uri;
      finding.property = in_open_urls ? std::string(kOpenUrls) : "";
      finding.origin =
          record.origin.empty() ? record.property : record.origin + " > " + record.property;
      out.push_back(std::move(finding));
    }
  }

 private:
  // Kestra tests open-urls entries with a plain prefix match (startsWith):
  // '*' is a literal character, so an entry holding one opens nothing.
  void ReportWildcards(const ScannedFile& file, const Facts& facts,
                       std::vector<Finding>& out) const {
    for (const UriRecord& record : file.uris) {
      if (!PathNamesProperty(record.property, kOpenUrls)) continue;
      if (record.text.find('*') == std::string::npos) continue;
      const std::string uri = RedactUri(record.text);
      const std::string tenant = facts.tenant.empty() ? "<tenant-id>" : facts.tenant;
      const Substitutions values = {{"uri", uri},
                                    {"entry", "/api/v1/" + tenant + "/executions/webhook/"}};
      Finding finding = MakeFinding(file, record.span, facts, values, nullptr);
      finding.message = RenderTemplate(wildcard_message_, values);
      finding.suggestion = RenderTemplate(wildcard_suggestion_, values);
      finding.uri = uri;
      finding.property = std::string(kOpenUrls);
      finding.origin =
          record.origin.empty() ? record.property : record.origin + " > " + record.property;
      out.push_back(std::move(finding));
    }
  }

  // Basic auth is on when configured, and always in OSS from 0.24. The
  // Enterprise edition authenticates differently and ignores open-urls.
  bool BasicAuthOn(const Facts& facts) const {
    if (facts.edition == Edition::kEe) return false;
    return facts.basic_auth ||
           (facts.edition == Edition::kOss && facts.target >= mandatory_auth_since_);
  }

  // A configured open-urls list replaces Kestra's default list.
  bool TenantedWebhooksOpen(const Facts& facts) const {
    if (!facts.open_urls_set) return facts.target >= open_by_default_since_;
    for (const std::string& entry : facts.open_urls) {
      std::string tenant;
      if (IsWebhook(ParseApiUri(entry), &tenant) && !tenant.empty() &&
          tenant.find('*') == std::string::npos) {
        return true;
      }
    }
    return false;
  }

  Version open_by_default_since_;
  Version mandatory_auth_since_;
  std::string stale_message_;
  std::string wildcard_message_;
  std::string wildcard_suggestion_;
};

}  // namespace

std::unique_ptr<Rule> MakeWebhookOpenUrlsRule(RuleDefinition definition) {
  return std::make_unique<WebhookOpenUrlsRule>(std::move(definition));
}

}  // namespace kestra_lint
