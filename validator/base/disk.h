// The disk seam (as ninja's DiskInterface): everything kestra-lint asks of
// the file system goes through DiskInterface, so discovery, reading, fix and
// the language server's unsaved documents run the same code over the real
// disk (RealDisk), an in-memory one (MemoryDisk, for tests) or an overlay.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kestra_lint {

// What a path names, symlinks followed.
enum class PathType { kMissing, kFile, kDirectory, kOther };  // kOther: FIFO, socket, device

struct DirectoryEntry {
  std::string name;
  PathType type = PathType::kMissing;  // of its target for a symlink (kMissing: dangling)
  bool symlink = false;
};

// How a read went; on anything but kOk the text is left empty.
struct FileRead {
  enum class Status { kOk, kCannotRead, kDirectory, kNotRegular, kTooLarge };
  Status status = Status::kOk;
  std::string error;  // kCannotRead: why, as strerror says it
  uint64_t size = 0;  // kTooLarge: the file's size
};

// Reads a text held in memory as ReadFile reads a file of that content: into
// `text`, or kTooLarge over `max_size`. For disks that replace some files'
// texts.
FileRead ReadHeldText(const std::string& held, uint64_t max_size, std::string& text);

class DiskInterface {
 public:
  virtual ~DiskInterface() = default;

  virtual PathType TypeOf(const std::string& path) const = 0;
  // The entries of a directory, sorted by name; none when it cannot be listed.
  virtual std::vector<DirectoryEntry> ListDirectory(const std::string& path) const = 0;
  // Reads a regular file of at most `max_size` bytes. Never blocks: a FIFO,
  // socket or device is kNotRegular.
  virtual FileRead ReadFile(const std::string& path, uint64_t max_size,
                            std::string& text) const = 0;
  // `path` with every symlink resolved (absolute on the real disk), so
  // fix can tell whether a file lies inside the paths it was given; "" when
  // it cannot be resolved (missing, a link loop).
  virtual std::string RealPath(const std::string& path) const = 0;
  // Why ReplaceFile would refuse the file at `path` whatever its content:
  // not a regular file, read-only by its mode bits (for root too), several
  // hard links, or an owner it could not keep. "" when it may be replaced.
  virtual std::string WhyNotReplaceable(const std::string& path) const = 0;
  // Replaces the file at `path` (the file a symlink points to) with `text`
  // atomically, keeping its owner, group and permissions, unless its content
  // is no longer `expected` or WhyNotReplaceable objects. False with `error`
  // set when refused or failed; the file is then unchanged.
  virtual bool ReplaceFile(const std::string& path, const std::string& expected,
                           const std::string& text, std::string& error) = 0;
};

// The file system of the machine.
class RealDisk : public DiskInterface {
 public:
  PathType TypeOf(const std::string& path) const override;
  std::vector<DirectoryEntry> ListDirectory(const std::string& path) const override;
  FileRead ReadFile(const std::string& path, uint64_t max_size, std::string& text) const override;
  std::string RealPath(const std::string& path) const override;
  std::string WhyNotReplaceable(const std::string& path) const override;
  bool ReplaceFile(const std::string& path, const std::string& expected, const std::string& text,
                   std::string& error) override;
};

// Another disk with the texts of some files replaced: the language server's
// unsaved documents over the real disk. Read-only: ReplaceFile refuses.
class OverlayDisk : public DiskInterface {
 public:
  explicit OverlayDisk(const DiskInterface& below) : below_(below) {}
  // From now on the file at `path` (exactly as written) holds `text`.
  void Set(const std::string& path, std::string text) { texts_[path] = std::move(text); }

  PathType TypeOf(const std::string& path) const override;
  std::vector<DirectoryEntry> ListDirectory(const std::string& path) const override;
  FileRead ReadFile(const std::string& path, uint64_t max_size, std::string& text) const override;
  std::string RealPath(const std::string& path) const override { return below_.RealPath(path); }
  std::string WhyNotReplaceable(const std::string& path) const override;
  bool ReplaceFile(const std::string& path, const std::string& expected, const std::string& text,
                   std::string& error) override;

 private:
  const DiskInterface& below_;
  std::map<std::string, std::string> texts_;
};

}  // namespace kestra_lint
