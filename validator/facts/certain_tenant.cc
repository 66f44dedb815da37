#include "facts/certain_tenant.h"

namespace kestra_lint {

std::string CertainTenant(const ScannedFile& file, const Facts& facts) {
  const bool given = facts.tenant_source == TenantSource::kSetting;
  const bool in_flow = !given && file.kind == FileKind::kFlow;
  if (in_flow) return "{{ flow.tenantId }}";
  const bool certain = given || facts.edition == Edition::kOss ||
                       (facts.edition == Edition::kEe && facts.has_fallback_tenant);
  return certain ? facts.tenant : "";
}

}  // namespace kestra_lint
