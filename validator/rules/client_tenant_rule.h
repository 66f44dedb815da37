// Rule type ClientTenant: an API client whose tenant setting is present but
// empty (Terraform `tenant_id = ""`, a workflow's `tenant: ''`, a task's
// `tenantId: ""`) sends tenant-less requests, while leaving the setting out
// gives the client's own default. See docs/rules/client-tenant-empty.md.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeClientTenantRule(RuleDefinition definition);

}  // namespace kestra_lint
