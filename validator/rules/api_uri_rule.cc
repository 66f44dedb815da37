#include "rules/api_uri_rule.h"

#include <algorithm>
#include <set>

#include "base/secrets.h"
#include "base/source_text.h"
#include "facts/certain_tenant.h"
#include "rules/api_route_table.h"
#include "rules/rule_properties.h"

namespace kestra_lint {
namespace {

bool MentionsKestra(const std::string& text) {
  return AsciiLower(text).find("kestra") != std::string::npos;
}

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  return !name.empty() && std::find(names.begin(), names.end(), name) != names.end();
}

enum class Verdict {
  kFine,
  kMissingTenant,
  kTenantNotAllowed,
  kTenantMustBeMain,
  kHardCodedTenant,
  kRemovedRoute
};

// Which verdicts a rule of this type reports (its `check`).
enum class CheckKind { kMissing, kInvalid, kRemoved };

CheckKind CheckOf(Verdict verdict) {
  if (verdict == Verdict::kMissingTenant) return CheckKind::kMissing;
  if (verdict == Verdict::kRemovedRoute) return CheckKind::kRemoved;
  return CheckKind::kInvalid;
}

struct Judgement {
  Verdict verdict = Verdict::kFine;
  std::string route;   // the resource prefix
  std::string tenant;  // the tenant segment as written
  Version removed_in;  // kRemovedRoute: the release that removed the route
};

class ApiUriRule : public Rule {
 public:
  explicit ApiUriRule(RuleDefinition definition)
      : Rule(std::move(definition)),
        routes_(this->definition().pack_data->value("apiRoutes", nlohmann::json::object())) {
    const std::string check = StringOr(this->definition().entry, "check", "");
    if (check != "missing" && check != "invalid" && check != "removed") {
      throw std::invalid_argument(
          "ApiUriTenant needs `check: missing`, `check: invalid` or `check: removed`");
    }
    check_ = check == "missing"   ? CheckKind::kMissing
             : check == "removed" ? CheckKind::kRemoved
                                  : CheckKind::kInvalid;
    const nlohmann::json messages =
        this->definition().entry.value("messages", nlohmann::json::object());
    not_allowed_message_ = StringOr(messages, "notAllowed", this->definition().message);
    must_be_main_message_ = StringOr(messages, "mustBeMain", this->definition().message);
    hard_coded_message_ = StringOr(messages, "hardCoded", this->definition().message);
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    // A URI with no Kestra evidence of its own still counts when it shares
    // its base (scheme, host, port) with one that has.
    std::vector<ApiUri> parsed;
    std::set<std::string> kestra_bases;
    for (const UriRecord& record : file.uris) {
      parsed.push_back(ParseApiUri(record.text));
      if (HasOwnEvidence(parsed.back()) && !parsed.back().base.empty()) {
        kestra_bases.insert(parsed.back().base);
      }
    }
    for (size_t i = 0; i < file.uris.size(); ++i) {
      const UriRecord& record = file.uris[i];
      const ApiUri& uri = parsed[i];
      if (routes_.Ignored(record.property)) continue;
      if (!uri.base_path.empty() && !MentionsKestra(uri.base_path)) continue;
      const std::string_view host = LiteralHost(uri.base);
      if (Contains(facts.other_services, host)) continue;  // another product's Compose service
      // A Kestra Compose service's host is evidence by itself.
      if (!Contains(facts.kestra_services, host) && !SaysKestra(record, uri, facts, kestra_bases)) {
        continue;
      }
      const Judgement judgement = Judge(uri, facts);
      if (judgement.verdict == Verdict::kFine) continue;
      if (CheckOf(judgement.verdict) != check_) continue;
      out.push_back(Report(file, record, judgement, facts));
    }
  }

 private:
  // Whether the URI itself or the text around it says it is Kestra's.
  bool SaysKestra(const UriRecord& record, const ApiUri& uri, const Facts& facts,
                  const std::set<std::string>& kestra_bases) const {
    if (record.kestra_context.has_value()) {
      // Code and prose: a Kestra route shape, and the text around saying Kestra.
      if (!IsKnownRoute(uri, facts) && !HasOwnEvidence(uri)) return false;
      return *record.kestra_context || MentionsKestra(uri.base) || IsUnderMain(uri, facts);
    }
    return HasOwnEvidence(uri) || IsUnderMain(uri, facts) ||
           (kestra_bases.count(uri.base) != 0 && IsKnownRoute(uri, facts));
  }

  bool HasOwnEvidence(const ApiUri& uri) const {
    if (MentionsKestra(uri.base)) return true;
    if (uri.segments.empty()) return false;
    return routes_.KestraOnly(uri.segments, 0) || routes_.KestraOnly(uri.segments, 1);
  }

  // `/api/v1/main/<a Kestra route>` names Kestra by itself: `main` is the
  // tenant Kestra's open-source edition serves.
  bool IsUnderMain(const ApiUri& uri, const Facts& facts) const {
    if (uri.segments.size() < 2 || uri.segments[0] != "main") return false;
    return routes_.TenantScoped(uri.segments[1], facts, nullptr) != RouteMatch::kNone ||
           routes_.InstanceLevel(uri.segments[1], facts) != RouteMatch::kNone;
  }

  bool IsKnownRoute(const ApiUri& uri, const Facts& facts) const {
    if (uri.segments.empty()) return false;
    for (size_t first = 0; first < 2 && first < uri.segments.size(); ++first) {
      const std::string& segment = uri.segments[first];
      if (routes_.TenantScoped(segment, facts, nullptr) != RouteMatch::kNone ||
          routes_.InstanceLevel(segment, facts) != RouteMatch::kNone ||
          routes_.RemovedIn(segment, facts)) {
        return true;
      }
    }
    return false;
  }

  Judgement Judge(const ApiUri& uri, const Facts& facts) const {
    Judgement judgement;
    if (uri.segments.empty()) return judgement;
    const std::string& first = uri.segments[0];
    if (JudgedRemoved(uri, facts, judgement)) return judgement;
    const RoutePrefix* scoped = nullptr;
    const RouteMatch scoped_first = routes_.TenantScoped(first, facts, &scoped);
    const RouteMatch instance_first = routes_.InstanceLevel(first, facts);
    if (!IsPlaceholderSegment(first) &&
        (scoped_first != RouteMatch::kNone || instance_first != RouteMatch::kNone)) {
      // No tenant segment: fine for instance-level routes; a route that is
      // tenant-scoped in one edition only is not judged without the edition.
      if (instance_first != RouteMatch::kNone) return judgement;
      if (scoped_first != RouteMatch::kCertain) return judgement;
      judgement.verdict = Verdict::kMissingTenant;
      judgement.route = first;
      return judgement;
    }
    if (uri.segments.size() < 2) return judgement;
    const std::string& second = uri.segments[1];
    judgement.tenant = first;
    judgement.route = second;
    scoped = nullptr;
    const RouteMatch scoped_second = routes_.TenantScoped(second, facts, &scoped);
    const RouteMatch instance_second = routes_.InstanceLevel(second, facts);
    if (scoped_second == RouteMatch::kNone && instance_second == RouteMatch::kCertain) {
      judgement.verdict = Verdict::kTenantNotAllowed;
      return judgement;
    }
    if (scoped_second != RouteMatch::kCertain || IsPlaceholderSegment(first)) return judgement;
    if (!scoped->tenant.empty() && first != scoped->tenant) {
      judgement.verdict = Verdict::kHardCodedTenant;
    } else if (facts.edition == Edition::kOss && first != "main") {
      judgement.verdict = Verdict::kTenantMustBeMain;
    }
    return judgement;
  }

  // A route the target no longer serves, with the tenant segment or without.
  bool JudgedRemoved(const ApiUri& uri, const Facts& facts, Judgement& judgement) const {
    const std::string& first = uri.segments[0];
    if (IsPlaceholderSegment(first)) return false;
    if (const std::optional<Version> removed = routes_.RemovedIn(first, facts)) {
      judgement = {Verdict::kRemovedRoute, first, "", *removed};
      return true;
    }
    if (uri.segments.size() < 2 ||
        routes_.TenantScoped(first, facts, nullptr) != RouteMatch::kNone ||
        routes_.InstanceLevel(first, facts) != RouteMatch::kNone) {
      return false;
    }
    if (const std::optional<Version> removed = routes_.RemovedIn(uri.segments[1], facts)) {
      judgement = {Verdict::kRemovedRoute, uri.segments[1], first, *removed};
      return true;
    }
    return false;
  }

  Finding Report(const ScannedFile& file, const UriRecord& record, const Judgement& judgement,
                 const Facts& facts) const {
    const std::string uri = RedactUri(record.text);
    Substitutions values = {
        {"uri", uri}, {"route", judgement.route}, {"uriTenant", judgement.tenant}};
    std::string fixed;
    if (judgement.verdict == Verdict::kRemovedRoute) {
      values.emplace_back("removedIn", judgement.removed_in.ToString());
      Finding finding = MakeFinding(file, record.span, facts, values, &judgement.route);
      finding.since = judgement.removed_in.ToString();
      finding.uri = uri;
      finding.origin =
          record.origin.empty() ? record.property : record.origin + " > " + record.property;
      return finding;
    }
    if (judgement.verdict == Verdict::kMissingTenant) {
      std::string tenant = facts.tenant;
      if (facts.tenant_source != TenantSource::kSetting && file.kind == FileKind::kFlow) {
        tenant = "{{ flow.tenantId }}";  // a flow knows its own tenant at run time
      }
      if (tenant.empty()) tenant = "<tenant-id>";
      fixed = InsertTenant(uri, tenant);
    } else if (judgement.verdict == Verdict::kTenantNotAllowed) {
      fixed = RemoveTenant(uri);
    } else {
      fixed = ReplaceTenant(uri, "main");
    }
    values.emplace_back("fixed", fixed);
    Finding finding = MakeFinding(file, record.span, facts, values, nullptr);
    if (judgement.verdict == Verdict::kTenantNotAllowed) {
      finding.message = RenderTemplate(not_allowed_message_, values);
    } else if (judgement.verdict == Verdict::kTenantMustBeMain) {
      finding.message = RenderTemplate(must_be_main_message_, values);
    } else if (judgement.verdict == Verdict::kHardCodedTenant) {
      finding.message = RenderTemplate(hard_coded_message_, values);
    }
    finding.uri = uri;
    finding.origin =
        record.origin.empty() ? record.property : record.origin + " > " + record.property;
    if (judgement.verdict == Verdict::kMissingTenant)
      finding.fix = TenantInsertion(file, record, facts);
    return finding;
  }

  // The tenant goes in only when it is certain (CertainTenant). The URI must
  // be written verbatim (no escapes).
  static std::vector<TextEdit> TenantInsertion(const ScannedFile& file, const UriRecord& record,
                                               const Facts& facts) {
    if (!record.whole_literal) return {};
    const std::string tenant = CertainTenant(file, facts);
    if (tenant.empty()) return {};
    const std::string& text = file.source.text();
    const size_t after = ApiV1End(record.text);
    if (after == std::string::npos || record.span.end > text.size() ||
        record.span.end - record.span.begin != record.text.size() ||
        text.compare(record.span.begin, record.text.size(), record.text) != 0) {
      return {};
    }
    const size_t at = record.span.begin + after;
    return {MakeTextEdit(file.source, at, at, "/" + tenant)};
  }

  static std::string RemoveTenant(const std::string& uri) {
    const size_t after = ApiV1End(uri);
    if (after == std::string::npos || after >= uri.size() || uri[after] != '/') return uri;
    const size_t tenant_end = uri.find('/', after + 1);
    if (tenant_end == std::string::npos) return uri;
    return uri.substr(0, after) + uri.substr(tenant_end);
  }

  static std::string ReplaceTenant(const std::string& uri, const std::string& tenant) {
    return InsertTenant(RemoveTenant(uri), tenant);
  }

  ApiRouteTable routes_;
  CheckKind check_ = CheckKind::kMissing;
  std::string not_allowed_message_;
  std::string must_be_main_message_;
  std::string hard_coded_message_;
};

}  // namespace

std::string InsertTenant(const std::string& uri, const std::string& tenant) {
  const size_t after = ApiV1End(uri);
  if (after == std::string::npos) return uri;
  return uri.substr(0, after) + "/" + tenant + uri.substr(after);
}

std::unique_ptr<Rule> MakeApiUriRule(RuleDefinition definition) {
  return std::make_unique<ApiUriRule>(std::move(definition));
}

}  // namespace kestra_lint
