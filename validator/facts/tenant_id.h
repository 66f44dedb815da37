// Kestra's tenant id rule (OSS entities: ^[a-z0-9][a-z0-9_-]*, a 250
// character column).
#pragma once

#include <string_view>

namespace kestra_lint {

bool IsValidTenantId(std::string_view id);

}  // namespace kestra_lint
