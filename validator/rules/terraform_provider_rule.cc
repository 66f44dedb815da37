#include "rules/terraform_provider_rule.h"

#include <stdexcept>

#include "rules/rule_properties.h"
#include "rules/terraform_version_constraint.h"

namespace kestra_lint {
namespace {

// Provider releases follow Kestra's release lines, and the provider of a line
// is the one its docs say works with that Kestra: ~> 0.23.0 for Kestra 0.23.
std::string ProviderLine(const Version& kestra) {
  return "~> " + std::to_string(kestra.major) + "." + std::to_string(kestra.minor) + ".0";
}

class TerraformProviderRule : public Rule {
 public:
  explicit TerraformProviderRule(RuleDefinition definition)
      : Rule(std::move(definition)), tenant_default_(TenantDefault(this->definition().entry)) {}

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    if (facts.kestra_provider_tenant_set) return;
    for (const ProviderRequirement& requirement : file.kestra_provider_requirements) {
      if (!AdmitsOnlyReleasesBefore(requirement.constraint, tenant_default_)) continue;
      Finding finding = MakeFinding(file, requirement.constraint_span, facts,
                                    {{"constraint", requirement.constraint},
                                     {"providerVersion", tenant_default_.ToString()},
                                     {"providerLine", ProviderLine(facts.target)}},
                                    nullptr);
      finding.origin = requirement.origin + " > version";
      out.push_back(std::move(finding));
    }
  }

 private:
  static Version TenantDefault(const nlohmann::json& entry) {
    const std::optional<Version> version =
        Version::Parse(StringOr(entry, "tenantDefaultSince", ""));
    if (!version) throw std::invalid_argument("tenantDefaultSince must be a provider version");
    return *version;
  }

  // The first provider release whose tenant_id defaults to `main`.
  Version tenant_default_;
};

}  // namespace

std::unique_ptr<Rule> MakeTerraformProviderRule(RuleDefinition definition) {
  return std::make_unique<TerraformProviderRule>(std::move(definition));
}

}  // namespace kestra_lint
