// A hand-written loader for the subset of YAML that Kestra files are written
// in: block mappings and sequences, plain keys and values on one line, quoted
// scalars on one line, literal and folded block scalars, comments and `---`
// between documents. It is several times faster than yaml-cpp's scanner and
// gives exactly the YamlParseResult the yaml-cpp path gives (same nodes,
// offsets, values, duplicate keys). On anything outside the subset or
// doubtful (anchors, tags, flow collections, tabs, CR, multi-line plain or
// quoted scalars, errors) it gives up, and ParseYaml loads the text with
// yaml-cpp, so messages and positions of problems stay yaml-cpp's.
#pragma once

#include <optional>
#include <string_view>

#include "yaml/yaml_tree.h"

namespace kestra_lint {

// The loaded stream, or nullopt when `text` (without a byte order mark) is
// outside the subset.
std::optional<YamlParseResult> ParseYamlFast(std::string_view text);

}  // namespace kestra_lint
