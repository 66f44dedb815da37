// The lexing that edits and suppressions need beside the loaders: where
// YAML comments are and where a flow collection ends, read straight from the
// text so that a file the loaders refuse still has its comments found.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kestra_lint {

// A YAML comment: the offset of its '#' and its text after the sign.
struct YamlComment {
  size_t offset = 0;
  std::string text;
};

// YAML comments of `text`: a '#' at a line start or after a blank, outside
// quoted and block scalars (quotes open a scalar only where a token starts).
std::vector<YamlComment> FindYamlComments(std::string_view text);

// One past the bracket that closes the flow collection opening at `open`
// ('{' or '['), skipping quoted scalars and comments; npos when it never closes.
size_t FlowCollectionEnd(std::string_view text, size_t open);

}  // namespace kestra_lint
