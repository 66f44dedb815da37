// Rule type TerraformProviderVersion: a required_providers constraint that
// admits only releases of Kestra's Terraform provider before the one that
// defaults its tenant to `main`, in an installation whose `provider "kestra"`
// blocks set no tenant_id: those releases send tenant-less /api/v1/... paths.
// See docs/rules/terraform-provider-before-tenants.md.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeTerraformProviderRule(RuleDefinition definition);

}  // namespace kestra_lint
