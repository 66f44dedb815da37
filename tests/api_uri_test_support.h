// What the tests of the API URI rules share, in YAML (api_uri_rule_test) and
// in code, scripts and docs (api_uri_code_test): the tenant findings of one
// file checked alone.
#pragma once

#include <string>
#include <vector>

#include "rule_test_support.h"

namespace kestra_lint::testing {

inline std::vector<Finding> MissingTenant(const std::string& path, const std::string& text,
                                          const std::string& edition = "auto",
                                          const std::string& target_version = "") {
  return RuleFindings("api-uri-missing-tenant", path, text, edition, target_version);
}

inline std::vector<Finding> InvalidTenant(const std::string& path, const std::string& text,
                                          const std::string& edition = "auto",
                                          const std::string& target_version = "") {
  return RuleFindings("api-uri-invalid-tenant", path, text, edition, target_version);
}

}  // namespace kestra_lint::testing
