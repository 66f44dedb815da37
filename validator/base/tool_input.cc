#include "base/tool_input.h"

#include <filesystem>

namespace kestra_lint {

void CheckInsideFolder(const std::string& path, const std::string& folder,
                       const std::string& what) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path base = fs::weakly_canonical(fs::absolute(folder.empty() ? "." : folder), error);
  const fs::path target = fs::weakly_canonical(fs::absolute(path), error);
  const std::string relative = target.lexically_relative(base).generic_string();
  if (error || relative.empty() || relative == ".." || relative.rfind("../", 0) == 0) {
    throw ToolInputError("a " + what + " named in .kestra-lint.yaml must be inside its folder (" +
                         base.generic_string() +
                         "); name one elsewhere on the command line instead");
  }
}

std::string ReadToolInput(const DiskInterface& disk, const std::string& path, uint64_t max_size,
                          const std::string& what) {
  std::string text;
  const FileRead read = disk.ReadFile(path, max_size, text);
  switch (read.status) {
    case FileRead::Status::kOk:
      return text;
    case FileRead::Status::kCannotRead:
      throw ToolInputError("cannot read the " + what + ": " + read.error);
    case FileRead::Status::kDirectory:
      throw ToolInputError("is a directory, not a " + what);
    case FileRead::Status::kNotRegular:
      throw ToolInputError("not a regular file (FIFO, socket or device); a " + what +
                           " is a regular file");
    case FileRead::Status::kTooLarge:
      throw ToolInputError(std::to_string(read.size) + " bytes, over the " +
                           std::to_string(max_size) + " a " + what + " may hold");
  }
  throw ToolInputError("cannot read the " + what);
}

}  // namespace kestra_lint
