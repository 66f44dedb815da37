#include "base/glob.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace kestra_lint {
namespace {

using Bits = std::vector<uint64_t>;

// Bit j of a Bits value: the pattern read so far can match path[0, j).
// Each pattern token moves the whole set at once, so a match costs the
// pattern's length times the path's length / 64, without backtracking and
// without a table (a 2 MB exclude list used to allocate one per file).
class PathBits {
 public:
  explicit PathBits(const std::string& path) : size_(path.size() + 1), words_((size_ + 63) / 64) {
    not_slash_.assign(words_, 0);
    for (size_t j = 0; j < path.size(); ++j) {
      const auto byte = static_cast<unsigned char>(path[j]);
      if (by_byte_[byte].empty()) by_byte_[byte].assign(words_, 0);
      Set(by_byte_[byte], j);
      if (path[j] != '/') Set(not_slash_, j);
    }
  }

  Bits Start() const {
    Bits bits(words_, 0);
    bits[0] = 1;
    return bits;
  }
  bool Ends(const Bits& bits) const { return (bits[(size_ - 1) / 64] >> ((size_ - 1) % 64)) & 1; }
  static bool Empty(const Bits& bits) {
    for (uint64_t word : bits) {
      if (word != 0) return false;
    }
    return true;
  }

  // Positions after one more character that is `byte`.
  void Literal(Bits& bits, unsigned char byte) const {
    if (by_byte_[byte].empty()) {
      std::fill(bits.begin(), bits.end(), 0);
      return;
    }
    AndShift(bits, by_byte_[byte]);
  }
  // Positions after one more character that is not '/'.
  void AnyButSlash(Bits& bits) const { AndShift(bits, not_slash_); }

  // '*': every position reachable over characters other than '/'. Adding
  // the set to the mask carries each bit to the end of its run of
  // non-slash characters (the usual bit-parallel trick).
  void Star(Bits& bits) const {
    uint64_t carry = 0;
    for (size_t w = 0; w < words_; ++w) {
      const uint64_t mask = not_slash_[w];
      const uint64_t from = bits[w] & mask;
      const uint64_t sum = mask + from + carry;
      carry = (sum < mask || (carry != 0 && sum == mask)) ? 1 : 0;
      bits[w] |= (sum ^ mask);
    }
    Trim(bits);
  }

  // '**': every position from the first one reached.
  void DoubleStar(Bits& bits) const {
    size_t w = 0;
    while (w < words_ && bits[w] == 0) ++w;
    if (w == words_) return;
    const uint64_t lowest = bits[w] & (~bits[w] + 1);
    bits[w] |= ~(lowest - 1);
    for (++w; w < words_; ++w) bits[w] = ~uint64_t{0};
    Trim(bits);
  }

 private:
  static void Set(Bits& bits, size_t j) { bits[j / 64] |= uint64_t{1} << (j % 64); }

  // bits = (bits & mask) << 1, across words.
  void AndShift(Bits& bits, const Bits& mask) const {
    uint64_t carry = 0;
    for (size_t w = 0; w < words_; ++w) {
      const uint64_t kept = bits[w] & mask[w];
      bits[w] = (kept << 1) | carry;
      carry = kept >> 63;
    }
    Trim(bits);
  }

  void Trim(Bits& bits) const {
    const size_t used = size_ % 64;
    if (used != 0) bits[words_ - 1] &= (uint64_t{1} << used) - 1;
  }

  size_t size_;
  size_t words_;
  Bits not_slash_;
  Bits by_byte_[256];
};

bool Match(std::string_view pattern, const PathBits& text) {
  Bits bits = text.Start();
  for (size_t i = 0; i < pattern.size() && !PathBits::Empty(bits);) {
    if (pattern[i] == '*' && i + 1 < pattern.size() && pattern[i + 1] == '*') {
      if (i + 2 < pattern.size() && pattern[i + 2] == '/') {
        // "**/" also matches no folder at all.
        Bits through = bits;
        text.DoubleStar(through);
        text.Literal(through, '/');
        for (size_t w = 0; w < bits.size(); ++w) bits[w] |= through[w];
        i += 3;
      } else {
        text.DoubleStar(bits);
        i += 2;
      }
    } else if (pattern[i] == '*') {
      text.Star(bits);
      ++i;
    } else if (pattern[i] == '?') {
      text.AnyButSlash(bits);
      ++i;
    } else {
      text.Literal(bits, static_cast<unsigned char>(pattern[i]));
      ++i;
    }
  }
  return text.Ends(bits);
}

// A path as the patterns see it: whole, and its file name for patterns
// without '/'. Built once per path for all the patterns.
struct GlobSubject {
  explicit GlobSubject(const std::string& path)
      : whole(path), name(path.substr(path.find_last_of('/') + 1)) {}
  PathBits whole;
  PathBits name;
};

bool MatchSubject(const std::string& pattern, const GlobSubject& subject) {
  if (pattern.find('/') == std::string::npos) return Match(pattern, subject.name);
  const std::string anchored = pattern.front() == '/' ? pattern.substr(1) : pattern;
  // A folder pattern ("deploy/", or "/" for the root) covers everything under it.
  if (anchored.empty() || anchored.back() == '/') return Match(anchored + "**", subject.whole);
  return Match(anchored, subject.whole);
}

}  // namespace

bool GlobMatch(const std::string& pattern, const std::string& path) {
  return MatchSubject(pattern, GlobSubject(path));
}

bool GlobsKeep(const std::string& root, const std::string& path,
               const std::vector<std::string>& include, const std::vector<std::string>& exclude) {
  // Without patterns every file is kept: no path to make relative (a getcwd each).
  if (include.empty() && exclude.empty()) return true;
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path absolute = fs::absolute(path, error);
  const fs::path base = fs::absolute(root.empty() ? "." : root, error);
  std::string relative =
      absolute.lexically_normal().lexically_relative(base.lexically_normal()).generic_string();
  if (relative.empty() || relative.rfind("..", 0) == 0) relative = fs::path(path).generic_string();
  const GlobSubject subject(relative);
  bool kept = include.empty();
  for (const std::string& pattern : include) kept = kept || MatchSubject(pattern, subject);
  for (const std::string& pattern : exclude) kept = kept && !MatchSubject(pattern, subject);
  return kept;
}

}  // namespace kestra_lint
