// How deep a JSON text nests, read straight from its bytes (brackets inside
// strings do not count): parsing and copying a value recurse once per level,
// so a hostile document is refused, with a position, before it is parsed.
#pragma once

#include <cstddef>
#include <string_view>

namespace kestra_lint {

// Offset of the first '[' or '{' outside strings that opens level `limit` + 1,
// or npos when `json` never nests deeper than `limit`.
size_t FirstOpeningDeeperThan(std::string_view json, size_t limit);

}  // namespace kestra_lint
