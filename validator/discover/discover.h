// The discover stage: walks the paths the user gave and picks the files to
// check, by name, before reading any of them. Directory walks skip VCS,
// dependency and build folders, never follow directory symlinks (no loops),
// and list entries in a stable order.
#pragma once

#include <string>
#include <vector>

#include "base/disk.h"

namespace kestra_lint {

struct DiscoveredFile {
  std::string path;    // as shown to the user: relative to the path given
  bool explicit_path;  // named on the command line rather than found by the walk
};

struct DiscoverResult {
  std::vector<DiscoveredFile> files;
  std::vector<std::string> errors;  // explicit paths that do not exist
};

DiscoverResult Discover(const std::vector<std::string>& paths,
                        const DiskInterface& disk = RealDisk());

// Would a directory walk pick a file with this name? The source kinds'
// file patterns (extract/source_kind.h) say, kestra-lint's own config aside.
bool IsCandidateFileName(const std::string& name);

}  // namespace kestra_lint
