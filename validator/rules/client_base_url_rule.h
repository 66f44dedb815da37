// Rule type ClientBaseUrl: clients that take a base URL and a tenant apart
// (kestra CLI --server, kestractl host, GitHub actions' server, Terraform's
// url, io.kestra.plugin.kestra tasks' kestraUrl) build /api/v1/<tenant>
// themselves, so a base URL that already holds /api/v1 breaks them.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeClientBaseUrlRule(RuleDefinition definition);

}  // namespace kestra_lint
