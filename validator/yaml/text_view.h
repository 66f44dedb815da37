// A text that extractors read, and how its byte offsets map back to the file
// the user has open. A file is its own view; a YAML document embedded in a
// block string (KESTRA_CONFIGURATION: |, a ConfigMap's application.yml) is a
// view whose offsets go through the outer scalar's offset map.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "yaml/scalar_offsets.h"

namespace kestra_lint {

class TextView {
 public:
  explicit TextView(std::string_view file_text) : text_(file_text) {}
  // The value of `scalar`, a node of a document parsed from `outer`, from
  // value byte `skip` on (a `NAME=value` list entry skips `NAME=`).
  TextView(const TextView& outer, const YamlNode& scalar, size_t skip = 0)
      : owned_(std::make_shared<std::string>(scalar.value.substr(skip))),
        text_(*owned_),
        outer_(&outer),
        offsets_(std::make_shared<ScalarOffsets>(outer.text(), scalar)),
        skip_(skip) {}

  std::string_view text() const { return text_; }
  size_t ToFile(size_t offset) const {
    if (outer_ == nullptr) return offset;
    // The parser reports an unexpected end at one past the last byte.
    if (offset >= text_.size() && !text_.empty()) offset = text_.size() - 1;
    return outer_->ToFile(offsets_->SourceOffset(offset + skip_));
  }

 private:
  std::shared_ptr<std::string> owned_;
  std::string_view text_;
  const TextView* outer_ = nullptr;
  std::shared_ptr<ScalarOffsets> offsets_;
  size_t skip_ = 0;
};

}  // namespace kestra_lint
