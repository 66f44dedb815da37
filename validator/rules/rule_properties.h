// Reading a rule type's own properties from its pack entry (already
// validated against schemas/rule-pack.schema.json).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kestra_lint {

std::vector<std::string> StringList(const nlohmann::json& entry, const char* name);
std::string StringOr(const nlohmann::json& entry, const char* name, const std::string& fallback);
bool BoolOr(const nlohmann::json& entry, const char* name, bool fallback);

}  // namespace kestra_lint
