// .gitignore files as a directory walk meets them: each folder's patterns
// apply to the paths below it, a later pattern overrides an earlier one, `!`
// keeps again what an earlier pattern ignored, a trailing '/' matches only
// folders, and a pattern with a '/' before its end is anchored to its folder.
// Built on the config globs (base/glob.h): `*`, `**`, `?`; no character classes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kestra_lint {

class GitignoreRules {
 public:
  // Adds the patterns of the .gitignore of `folder` (a path as the walk
  // names it) holding `text`.
  void Add(const std::string& folder, std::string_view text);

  // Is the file or folder at `path` (under the folders added) ignored?
  bool Ignored(const std::string& path, bool directory) const;

 private:
  struct Pattern {
    std::string folder;  // with a trailing '/', or "" for the walk's start
    std::string glob;
    bool negated = false;
    bool directory_only = false;
    bool anchored = false;
  };
  std::vector<Pattern> patterns_;
};

}  // namespace kestra_lint
