#include "fix/edit_history.h"

#include <algorithm>
#include <utility>

namespace kestra_lint {

EditHistory::EditHistory(size_t original_size) : original_size_(original_size) {
  if (original_size > 0) pieces_.push_back({true, 0, original_size, ""});
}

void EditHistory::Apply(const std::vector<TextEdit>& edits) {
  std::vector<Piece> next;
  size_t piece = 0;
  size_t piece_start = 0;  // where pieces_[piece] starts in the current text
  // Copies the current text [from, to) into `next`; calls come in order.
  auto copy = [&](size_t from, size_t to) {
    while (piece < pieces_.size() && piece_start + pieces_[piece].size() <= from) {
      piece_start += pieces_[piece].size();
      ++piece;
    }
    for (size_t p = piece, start = piece_start; p < pieces_.size() && start < to;
         start += pieces_[p].size(), ++p) {
      const Piece& source = pieces_[p];
      const size_t cut_begin = std::max(from, start) - start;
      const size_t cut_end = std::min(to, start + source.size()) - start;
      if (cut_begin >= cut_end) continue;
      if (source.original) {
        next.push_back({true, source.begin + cut_begin, source.begin + cut_end, ""});
      } else {
        next.push_back({false, 0, 0, source.inserted.substr(cut_begin, cut_end - cut_begin)});
      }
    }
  };
  size_t size = 0;
  for (const Piece& p : pieces_) size += p.size();
  size_t at = 0;
  for (const TextEdit& edit : edits) {
    copy(at, edit.begin);
    if (!edit.replacement.empty()) next.push_back({false, 0, 0, edit.replacement});
    at = edit.end;
  }
  copy(at, size);
  pieces_ = std::move(next);
}

std::vector<TextEdit> EditHistory::Edits() const {
  std::vector<TextEdit> edits;
  size_t expected = 0;  // where the first text would go on unchanged
  std::string inserted;
  auto flush = [&](size_t resume) {
    if (resume != expected || !inserted.empty()) {
      TextEdit edit;
      edit.begin = expected;
      edit.end = resume;
      edit.replacement = std::move(inserted);
      edits.push_back(std::move(edit));
      inserted.clear();
    }
  };
  for (const Piece& piece : pieces_) {
    if (!piece.original) {
      inserted += piece.inserted;
      continue;
    }
    flush(piece.begin);
    expected = piece.end;
  }
  flush(original_size_);
  return edits;
}

size_t EditHistory::ToOriginal(size_t offset) const {
  size_t start = 0;
  size_t last_original_end = 0;
  for (const Piece& piece : pieces_) {
    if (offset < start + piece.size()) {
      return piece.original ? piece.begin + (offset - start) : last_original_end;
    }
    start += piece.size();
    if (piece.original) last_original_end = piece.end;
  }
  return original_size_;
}

}  // namespace kestra_lint
