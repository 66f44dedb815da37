// Micronaut's relaxed binding, as far as the rules need it: one canonical
// spelling per property, whether it was written nested or dotted in YAML, in
// camelCase or kebab-case, in a .properties file or as an environment variable.
#pragma once

#include <string>
#include <string_view>

#include "extract/scanned_file.h"

namespace kestra_lint {

// "defaultTenant" -> "default-tenant"; "ee.tenants.Enabled" -> "ee.tenants.enabled".
std::string CanonicalKey(std::string_view key);
// Joins a parent canonical key and a (possibly dotted) child key.
std::string JoinKey(std::string_view parent, std::string_view child);
// "KESTRA_EE_TENANTS_DEFAULT_TENANT" -> "kestra.ee.tenants.default.tenant".
std::string EnvironmentVariableKey(std::string_view name);

// Does `path` name `property` (canonical)? `path` is what a URI record
// carries: a key path, or the name of the environment variable (any
// relaxed-binding spelling, KESTRA_SERVER_BASIC_AUTH_OPEN_URLS) it came from.
bool PathNamesProperty(std::string_view path, std::string_view property);

// Does `record` set `property` (canonical), or, with `prefix`, anything under
// it? A prefix matches once, at the outermost key that names it.
bool PropertyMatches(const PropertyRecord& record, std::string_view property, bool prefix);

}  // namespace kestra_lint
