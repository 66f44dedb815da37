#include "discover/gitignore.h"

#include "base/glob.h"

namespace kestra_lint {

void GitignoreRules::Add(const std::string& folder, std::string_view text) {
  std::string prefix = folder;
  if (prefix == ".") prefix.clear();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    Pattern pattern;
    pattern.folder = prefix;
    if (line.front() == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    } else if (line.front() == '\\') {
      line.remove_prefix(1);  // "\#name", "\!name": the character itself
    }
    if (!line.empty() && line.back() == '/') {
      pattern.directory_only = true;
      line.remove_suffix(1);
    }
    pattern.anchored = line.find('/') != std::string_view::npos;
    if (!line.empty() && line.front() == '/') line.remove_prefix(1);
    if (line.empty()) continue;
    pattern.glob = std::string(line);
    patterns_.push_back(std::move(pattern));
  }
}

bool GitignoreRules::Ignored(const std::string& path, bool directory) const {
  bool ignored = false;
  for (const Pattern& pattern : patterns_) {
    if (pattern.negated != ignored) continue;  // cannot change the answer
    if (pattern.directory_only && !directory) continue;
    if (path.compare(0, pattern.folder.size(), pattern.folder) != 0) continue;
    const std::string relative = path.substr(pattern.folder.size());
    // GlobMatch matches a pattern without '/' in any folder: anchored ones
    // match only at their own folder's level.
    if (pattern.anchored && pattern.glob.find('/') == std::string::npos &&
        relative.find('/') != std::string::npos) {
      continue;
    }
    if (GlobMatch(pattern.glob, relative)) ignored = !pattern.negated;
  }
  return ignored;
}

}  // namespace kestra_lint
