// Rule type ApiUriTenant: Kestra API URIs checked against the route table of
// the target version. `check: missing` reports a tenant-scoped route called
// without its tenant; `check: invalid` reports a tenant where none is allowed,
// a hard-coded tenant that is not `main`, or (OSS) any tenant but `main`.
// A URI is only judged with evidence that it targets Kestra.
#pragma once

#include <string>

#include "extract/api_uri.h"
#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeApiUriRule(RuleDefinition definition);

// `uri` with `tenant` inserted after "/api/v1".
std::string InsertTenant(const std::string& uri, const std::string& tenant);

}  // namespace kestra_lint
