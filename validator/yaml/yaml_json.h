// YAML trees as JSON (YAML 1.2 core schema typing of plain scalars), for
// JSON Schema validation; and the way back from a schema error's path to the
// YAML node, so the error gets a line and column.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "yaml/yaml_tree.h"

namespace kestra_lint {

nlohmann::json YamlToJson(const YamlDocument& document, uint32_t node);

// The node at `path` (map keys and sequence indexes, outermost first), or the
// deepest node on the way that exists.
uint32_t NodeAtPath(const YamlDocument& document, const std::vector<std::string>& path);

}  // namespace kestra_lint
