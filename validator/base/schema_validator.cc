#include "base/schema_validator.h"

#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace kestra_lint {

std::vector<SchemaError> ValidateAgainstSchema(const nlohmann::json& schema,
                                               const nlohmann::json& document) {
  valijson::Schema parsed_schema;
  valijson::SchemaParser parser;
  try {
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(schema), parsed_schema);
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("invalid JSON Schema: ") + error.what());
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  std::vector<SchemaError> errors;
  if (validator.validate(parsed_schema, valijson::adapters::NlohmannJsonAdapter(document),
                         &results)) {
    return errors;
  }
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    SchemaError converted;
    // Context looks like ["<root>", "[rules]", "[0]", "[severity]"].
    for (const std::string& step : error.context) {
      if (step == "<root>") continue;
      if (step.size() >= 2 && step.front() == '[' && step.back() == ']') {
        converted.path.push_back(step.substr(1, step.size() - 2));
      } else {
        converted.path.push_back(step);
      }
    }
    converted.message = error.description;
    errors.push_back(std::move(converted));
  }
  return errors;
}

const SchemaError& DeepestError(const std::vector<SchemaError>& errors) {
  const SchemaError* deepest = &errors.front();
  for (const SchemaError& error : errors) {
    if (error.path.size() > deepest->path.size()) deepest = &error;
  }
  return *deepest;
}

std::string JsonPointer(const std::vector<std::string>& path) {
  std::string pointer;
  for (const std::string& step : path) pointer += "/" + step;
  return pointer.empty() ? "/" : pointer;
}

}  // namespace kestra_lint
