// Rule type WebhookOpenUrls: with basic auth on, only the paths listed in
// kestra.server.basic-auth.open-urls are served without credentials. Kestra
// 0.23.0 to 1.0.1 listed only the tenant-less webhook path by default, so
// tenanted webhook URLs need credentials, and a configuration that lists only
// the tenant-less path keeps that gap after 1.0.2 (a configured list replaces
// the default). See docs/rules/webhook-open-urls.md.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeWebhookOpenUrlsRule(RuleDefinition definition);

}  // namespace kestra_lint
