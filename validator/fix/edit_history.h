// The edits of several fix rounds as one list of edits on the text first
// read: each round edits the text the one before left, and the diff, the
// positions of what was fixed and the write all speak of the first text.
#pragma once

#include <string>
#include <vector>

#include "findings/finding.h"

namespace kestra_lint {

class EditHistory {
 public:
  explicit EditHistory(size_t original_size);

  // Applies `edits` (sorted, not overlapping) to the current text.
  void Apply(const std::vector<TextEdit>& edits);
  // The edits that turn the first text into the current one: sorted, not
  // overlapping, byte offsets only (begin, end, replacement).
  std::vector<TextEdit> Edits() const;
  // Where byte `offset` of the current text was in the first text; text a
  // round inserted maps to where it was inserted.
  size_t ToOriginal(size_t offset) const;

 private:
  // A run of the current text: bytes [begin, end) of the first text, or
  // text a round inserted.
  struct Piece {
    bool original = true;
    size_t begin = 0;
    size_t end = 0;
    std::string inserted;
    size_t size() const { return original ? end - begin : inserted.size(); }
  };
  std::vector<Piece> pieces_;
  size_t original_size_;
};

}  // namespace kestra_lint
