// Include and exclude globs of the config file, without regex: `*` matches
// within one path segment, `**` across segments (`**/` also matches none),
// `?` one character but '/'. A pattern without '/' matches the file name in
// any folder.
#pragma once

#include <string>
#include <vector>

namespace kestra_lint {

bool GlobMatch(const std::string& pattern, const std::string& path);

// Is `path` (a file found by the walk) kept? Its path relative to `root` (the
// config file's folder; "" for the current folder) must match an include
// (when there are any) and no exclude.
bool GlobsKeep(const std::string& root, const std::string& path,
               const std::vector<std::string>& include, const std::vector<std::string>& exclude);

}  // namespace kestra_lint
