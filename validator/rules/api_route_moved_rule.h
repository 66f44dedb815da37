// Rule type ApiRouteMoved: API URIs of a resource's sub-routes that a release
// moves under another segment: with `resource: executions`, `subpaths:
// [restart]` and `movedUnder: actions`, .../executions/{id}/restart becomes
// .../executions/{id}/actions/restart.
#pragma once

#include "rules/rule.h"

namespace kestra_lint {

std::unique_ptr<Rule> MakeApiRouteMovedRule(RuleDefinition definition);

}  // namespace kestra_lint
