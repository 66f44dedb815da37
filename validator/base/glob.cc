#include "base/glob.h"

#include <filesystem>
#include <vector>

namespace kestra_lint {
namespace {

// Dynamic programming over (pattern, path) positions: linear in their
// product, whatever the pattern (no backtracking blow-up).
bool Match(const std::string& pattern, const std::string& path) {
  const size_t m = pattern.size();
  const size_t n = path.size();
  // can[i][j]: pattern[i..] matches path[j..].
  std::vector<std::vector<char>> can(m + 1, std::vector<char>(n + 1, 0));
  can[m][n] = 1;
  for (size_t i = m; i-- > 0;) {
    const bool double_star = pattern[i] == '*' && i + 1 < m && pattern[i + 1] == '*';
    for (size_t j = n + 1; j-- > 0;) {
      bool result = false;
      if (double_star) {
        size_t after = i + 2;
        // "**/" may also match no folder at all.
        if (after < m && pattern[after] == '/') result = can[after + 1][j];
        result = result || can[after][j] || (j < n && can[i][j + 1]);
      } else if (pattern[i] == '*') {
        result = can[i + 1][j] || (j < n && path[j] != '/' && can[i][j + 1]);
      } else if (j < n) {
        result = (pattern[i] == '?' ? path[j] != '/' : pattern[i] == path[j]) && can[i + 1][j + 1];
      }
      can[i][j] = result;
    }
  }
  return can[0][0];
}

}  // namespace

bool GlobMatch(const std::string& pattern, const std::string& path) {
  if (pattern.find('/') == std::string::npos) {
    const size_t slash = path.find_last_of('/');
    return Match(pattern, slash == std::string::npos ? path : path.substr(slash + 1));
  }
  const std::string anchored = pattern.front() == '/' ? pattern.substr(1) : pattern;
  // A folder pattern ("deploy/") covers everything under it.
  if (anchored.back() == '/') return Match(anchored + "**", path);
  return Match(anchored, path);
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
  bool kept = include.empty();
  for (const std::string& pattern : include) kept = kept || GlobMatch(pattern, relative);
  for (const std::string& pattern : exclude) kept = kept && !GlobMatch(pattern, relative);
  return kept;
}

}  // namespace kestra_lint
