// Maps a byte of a decoded YAML scalar back to the byte of the source it came
// from, for every scalar style: plain and quoted (folded over several lines,
// escapes) and block scalars (| and >). Findings inside a shell script in a
// `run: |` block point at the exact line and column this way.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "yaml/yaml_tree.h"

namespace kestra_lint {

class ScalarOffsets {
 public:
  ScalarOffsets(std::string_view source, const YamlNode& scalar);

  // Source offset of value byte `index`; the node's offset when the value
  // could not be aligned with the source (then `exact()` is false).
  size_t SourceOffset(size_t index) const;
  bool exact() const { return !map_.empty() || value_size_ == 0; }

 private:
  std::vector<uint32_t> map_;
  size_t fallback_;
  size_t value_size_;
};

}  // namespace kestra_lint
