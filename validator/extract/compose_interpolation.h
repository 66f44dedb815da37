// Compose's variable interpolation (`${VAR}`, `$VAR`, `${VAR:-default}`,
// `${VAR-default}`, `${VAR:?error}`, `${VAR:+other}`, `$$`), as Compose
// applies it to a Compose file with the variables of the project's .env.
// The process environment is the user's, not the repository's: not read.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kestra_lint {

struct Interpolated {
  std::string text;
  std::vector<std::string> variables_used;  // names whose value went into `text`, in order
  bool unresolved = false;  // a variable neither set nor defaulted: `text` is not what runs
};

// `lookup` gives a variable's value, or nullopt when unset.
Interpolated InterpolateCompose(
    std::string_view text,
    const std::function<std::optional<std::string>(const std::string&)>& lookup);

}  // namespace kestra_lint
