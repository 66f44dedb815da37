// What the rule type tests share: one rule's findings for one file, and the
// matchers they compare them with.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace kestra_lint {
namespace testing {

// The findings of rule `rule_id` for `text` checked alone as `path`.
inline std::vector<Finding> RuleFindings(const std::string& rule_id, const std::string& path,
                                         const std::string& text,
                                         const std::string& edition = "auto",
                                         const std::string& target_version = "") {
  return OfRule(CheckText(path, text, edition, target_version), rule_id);
}

}  // namespace testing

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;
using testing::RuleFindings;

}  // namespace kestra_lint
