// MemoryDisk: a DiskInterface held in memory, for tests of logic rather than
// of the operating system (discovery order and skips, reading's problems,
// fix's writes, the language server's overlay). Paths are compared after
// lexical normalisation ("a/./b" is "a/b"); folders exist implicitly above
// every file added.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/disk.h"

namespace kestra_lint {

class MemoryDisk : public DiskInterface {
 public:
  void AddFile(const std::string& path, std::string text);
  void AddDirectory(const std::string& path);
  void AddFifo(const std::string& path);
  // A symlink at `path` to `target` (a path of this disk, not relative to the link).
  void AddSymlink(const std::string& path, const std::string& target);
  void Remove(const std::string& path);
  // The file at `path` has no write permission: ReplaceFile refuses it.
  void SetReadOnly(const std::string& path);

  // The text of the file at `path`; nullopt when there is none.
  std::optional<std::string> Text(const std::string& path) const;
  // How many times ReadFile read the file at `path`.
  int ReadsOf(const std::string& path) const;

  PathType TypeOf(const std::string& path) const override;
  std::vector<DirectoryEntry> ListDirectory(const std::string& path) const override;
  FileRead ReadFile(const std::string& path, uint64_t max_size, std::string& text) const override;
  std::string RealPath(const std::string& path) const override;
  std::string WhyNotReplaceable(const std::string& path) const override;
  bool ReplaceFile(const std::string& path, const std::string& expected, const std::string& text,
                   std::string& error) override;

 private:
  struct Node {
    enum class Kind { kFile, kDirectory, kFifo, kSymlink };
    Kind kind = Kind::kFile;
    std::string text;  // kFile: the content; kSymlink: the target
    bool read_only = false;
  };
  // The node `path` names after following symlinks, or nullptr (missing, or
  // a link loop); its normalised path in `resolved`.
  const Node* Resolve(const std::string& path, std::string* resolved) const;
  bool IsImplicitDirectory(const std::string& normal) const;

  std::map<std::string, Node> nodes_;  // by normalised path
  mutable std::map<std::string, int> reads_;
};

}  // namespace kestra_lint
