// The tool's own input files: .kestra-lint.yaml, rule packs and baselines.
// A repository's settings may name packs and a baseline, so reading one is
// bounded like reading a file to check: regular files only (a FIFO would
// hang, /dev/zero never ends), a size cap, and, for a path the settings
// wrote, no way out of the installation's folder.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "base/disk.h"

namespace kestra_lint {

constexpr uint64_t kMaxConfigFileSize = 256 * 1024;
constexpr uint64_t kMaxRulePackSize = 1024 * 1024;
constexpr uint64_t kMaxBaselineSize = 16 * 1024 * 1024;

// what(): the reason, without the path. Never quotes the file.
class ToolInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws ToolInputError unless `path`, symlinks resolved, lies inside
// `folder`.
void CheckInsideFolder(const std::string& path, const std::string& folder, const std::string& what);

// The text of the file at `path`, of at most `max_size` bytes; `what` names
// it in errors ("rule pack"). Throws ToolInputError.
std::string ReadToolInput(const DiskInterface& disk, const std::string& path, uint64_t max_size,
                          const std::string& what);

}  // namespace kestra_lint
