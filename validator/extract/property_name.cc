#include "extract/property_name.h"

#include <cctype>
#include <vector>

namespace kestra_lint {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsWordSeparator(char c) { return c == '.' || c == '-' || c == '_'; }

// Lower-case letters and digits only, and where each word of `key` ends.
struct FoldedKey {
  std::string letters;
  std::vector<size_t> word_ends;
};

FoldedKey Fold(std::string_view key) {
  FoldedKey folded;
  for (char c : key) {
    if (IsWordSeparator(c)) {
      if (!folded.letters.empty() &&
          (folded.word_ends.empty() || folded.word_ends.back() != folded.letters.size())) {
        folded.word_ends.push_back(folded.letters.size());
      }
      continue;
    }
    folded.letters += Lower(c);
  }
  folded.word_ends.push_back(folded.letters.size());
  return folded;
}

bool IsSegmentPrefix(std::string_view prefix, std::string_view key) {
  if (prefix.empty()) return false;
  if (key.size() < prefix.size() || key.compare(0, prefix.size(), prefix) != 0) return false;
  return key.size() == prefix.size() || key[prefix.size()] == '.';
}

// Environment variables lose the difference between '.', '-' and word
// boundaries; compare them letter by letter, prefixes ending on a word.
bool FoldedMatches(std::string_view name, std::string_view property, bool prefix) {
  const FoldedKey record = Fold(name);
  const FoldedKey wanted = Fold(property);
  if (record.letters == wanted.letters) return true;
  if (!prefix || record.letters.size() <= wanted.letters.size()) return false;
  if (record.letters.compare(0, wanted.letters.size(), wanted.letters) != 0) return false;
  for (size_t end : record.word_ends) {
    if (end == wanted.letters.size()) return true;
  }
  return false;
}

}  // namespace

std::string CanonicalKey(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 4);
  for (size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    if (IsUpper(c) && i > 0 && IsLowerOrDigit(key[i - 1])) out += '-';
    out += Lower(c);
  }
  return out;
}

std::string JoinKey(std::string_view parent, std::string_view child) {
  std::string canonical = CanonicalKey(child);
  if (parent.empty()) return canonical;
  std::string joined(parent);
  joined += '.';
  joined += canonical;
  return joined;
}

std::string EnvironmentVariableKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) out += c == '_' ? '.' : Lower(c);
  return out;
}

bool PathNamesProperty(std::string_view path, std::string_view property) {
  const bool environment_name =
      !path.empty() &&
      path.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == std::string_view::npos;
  if (environment_name) return FoldedMatches(path, property, false);
  return CanonicalKey(path) == property;
}

bool PropertyMatches(const PropertyRecord& record, std::string_view property, bool prefix) {
  if (record.source == PropertyRecord::Source::kEnvironment) {
    return FoldedMatches(record.spelled, property, prefix);
  }
  if (!prefix) return record.key == property;
  return IsSegmentPrefix(property, record.key) && !IsSegmentPrefix(property, record.parent);
}

}  // namespace kestra_lint
