// "Did you mean": the candidate closest to a misspelt name.
#pragma once

#include <string>
#include <vector>

namespace kestra_lint {

// Levenshtein distance between `a` and `b`.
size_t EditDistance(const std::string& a, const std::string& b);

// The candidate nearest to `wanted`, or "" when none is close enough to be a
// plausible typo (within about half the name's length).
std::string Closest(const std::string& wanted, const std::vector<std::string>& candidates);

}  // namespace kestra_lint
