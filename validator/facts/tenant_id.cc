#include "facts/tenant_id.h"

namespace kestra_lint {

bool IsValidTenantId(std::string_view id) {
  if (id.empty() || id.size() > 250) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '_' && c != '-'))) return false;
  }
  return true;
}

}  // namespace kestra_lint
