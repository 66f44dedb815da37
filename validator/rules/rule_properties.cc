#include "rules/rule_properties.h"

namespace kestra_lint {

std::vector<std::string> StringList(const nlohmann::json& entry, const char* name) {
  std::vector<std::string> list;
  const auto found = entry.find(name);
  if (found == entry.end() || !found->is_array()) return list;
  for (const nlohmann::json& item : *found) {
    if (item.is_string()) list.push_back(item.get<std::string>());
  }
  return list;
}

std::string StringOr(const nlohmann::json& entry, const char* name, const std::string& fallback) {
  const auto found = entry.find(name);
  return found != entry.end() && found->is_string() ? found->get<std::string>() : fallback;
}

bool BoolOr(const nlohmann::json& entry, const char* name, bool fallback) {
  const auto found = entry.find(name);
  return found != entry.end() && found->is_boolean() ? found->get<bool>() : fallback;
}

}  // namespace kestra_lint
