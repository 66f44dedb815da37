// JSON Schema (draft 7) validation with valijson. The only file that
// includes valijson: it is slow to compile.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kestra_lint {

struct SchemaError {
  std::vector<std::string> path;  // keys and indexes from the root, outermost first
  std::string message;
};

// Validates `document` against `schema`; empty when valid. Throws
// std::runtime_error when the schema itself is invalid.
std::vector<SchemaError> ValidateAgainstSchema(const nlohmann::json& schema,
                                               const nlohmann::json& document);

}  // namespace kestra_lint
