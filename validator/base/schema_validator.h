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

// The most useful of `errors` (not empty): valijson also reports every
// enclosing failure, and the deepest one names the actual mistake.
const SchemaError& DeepestError(const std::vector<SchemaError>& errors);

// `path` as a JSON pointer: "/rules/0/severity", "/" for the root.
std::string JsonPointer(const std::vector<std::string>& path);

}  // namespace kestra_lint
