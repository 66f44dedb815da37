// The registry: the kinds source_kinds.def lists, in its order, and what
// discovery and the language server derive from their file patterns.
#include <algorithm>

#include "extract/source_kind.h"

namespace kestra_lint {

namespace {

// A descriptor leaves its FileKind to the registry line that names it.
SourceKind Registered(FileKind kind, SourceKind source) {
  source.kind = kind;
  return source;
}

// Every file pattern once, in registry order.
const std::vector<std::string_view>& AllFilePatterns() {
  static const std::vector<std::string_view> patterns = [] {
    std::vector<std::string_view> all;
    for (const SourceKind& kind : SourceKinds()) {
      for (std::string_view pattern : kind.file_patterns) {
        if (std::find(all.begin(), all.end(), pattern) == all.end()) all.push_back(pattern);
      }
    }
    return all;
  }();
  return patterns;
}

}  // namespace

const std::vector<SourceKind>& SourceKinds() {
  static const std::vector<SourceKind> kinds = {
#define KESTRA_LINT_SOURCE_KIND(enumerator, descriptor) \
  Registered(FileKind::enumerator, descriptor()),
#include "extract/source_kinds.def"
#undef KESTRA_LINT_SOURCE_KIND
  };
  return kinds;
}

const SourceKind& SourceKindOf(FileKind kind) { return SourceKinds()[static_cast<size_t>(kind)]; }

const char* FileKindName(FileKind kind) { return SourceKindOf(kind).name; }

bool IsSourceFileName(std::string_view name) {
  const std::vector<std::string_view>& patterns = AllFilePatterns();
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](std::string_view pattern) { return NameMatchesPattern(pattern, name); });
}

std::vector<std::string> WatchedGlobs() {
  std::vector<std::string> globs;
  for (std::string_view pattern : AllFilePatterns()) globs.push_back("**/" + std::string(pattern));
  return globs;
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Iterative wildcard matching: on a mismatch, the last `*` takes one more
// character. Quadratic at worst, no recursion, no allocation.
bool NameMatchesPattern(std::string_view pattern, std::string_view name) {
  size_t p = 0;
  size_t n = 0;
  size_t star = std::string_view::npos;
  size_t star_name = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_name = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++star_name;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool IsYamlName(std::string_view name) {
  return NameMatchesPattern("*.yaml", name) || NameMatchesPattern("*.yml", name);
}

bool HasTopLevelKey(const YamlDocument& document, std::string_view key) {
  return document.Find(document.root, key) != kNoNode;
}

}  // namespace kestra_lint
