// RealDisk: DiskInterface over POSIX calls. Reads stat before opening, open
// without blocking and check the opened file again, so a path swapped for a
// FIFO in between still never blocks.
#include "base/disk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

PathType TypeOfMode(mode_t mode) {
  if (S_ISREG(mode)) return PathType::kFile;
  if (S_ISDIR(mode)) return PathType::kDirectory;
  return PathType::kOther;
}

bool WriteAll(int fd, const std::string& text) {
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<size_t>(n);
  }
  return true;
}

// The whole content of `path`, whatever its size (fix compares it).
bool ReadWhole(const std::string& path, std::string& text) {
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  bool ok = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  text.clear();
  char buffer[65536];
  while (ok) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    text.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return ok;
}

}  // namespace

PathType RealDisk::TypeOf(const std::string& path) const {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return PathType::kMissing;
  return TypeOfMode(info.st_mode);
}

std::vector<DirectoryEntry> RealDisk::ListDirectory(const std::string& path) const {
  std::vector<DirectoryEntry> entries;
  std::error_code error;
  for (fs::directory_iterator it(path, fs::directory_options::skip_permission_denied, error), end;
       !error && it != end; it.increment(error)) {
    DirectoryEntry entry;
    entry.name = it->path().filename().string();
    std::error_code status_error;
    entry.symlink = it->is_symlink(status_error);
    // The listing already knows the type of a plain entry; only a link costs a stat.
    if (entry.symlink) {
      entry.type = TypeOf(it->path().string());
    } else if (it->is_directory(status_error)) {
      entry.type = PathType::kDirectory;
    } else if (it->is_regular_file(status_error)) {
      entry.type = PathType::kFile;
    } else {
      entry.type = PathType::kOther;
    }
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
  return entries;
}

FileRead RealDisk::ReadFile(const std::string& path, uint64_t max_size, std::string& text) const {
  FileRead read;
  text.clear();
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    read.status = FileRead::Status::kCannotRead;
    read.error = std::strerror(errno);
    return read;
  }
  if (S_ISDIR(info.st_mode)) {
    read.status = FileRead::Status::kDirectory;
    return read;
  }
  if (!S_ISREG(info.st_mode)) {
    read.status = FileRead::Status::kNotRegular;
    return read;
  }
  if (static_cast<uint64_t>(info.st_size) > max_size) {
    read.status = FileRead::Status::kTooLarge;
    read.size = static_cast<uint64_t>(info.st_size);
    return read;
  }
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    read.status = FileRead::Status::kCannotRead;
    read.error = std::strerror(errno);
    return read;
  }
  struct stat opened {};
  if (fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
    close(fd);
    read.status = FileRead::Status::kNotRegular;
    return read;
  }
  // The size stat gave: a file growing meanwhile is read as it was.
  text.resize(static_cast<size_t>(info.st_size));
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      text.clear();
      read.status = FileRead::Status::kCannotRead;
      read.error = "I/O error";
      return read;
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  close(fd);
  text.resize(done);
  return read;
}

std::string RealDisk::RealPath(const std::string& path) const {
  char* resolved = realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return "";
  std::string real = resolved;
  free(resolved);
  return real;
}

std::string RealDisk::WhyNotReplaceable(const std::string& path) const {
  struct stat status {};
  if (stat(path.c_str(), &status) != 0) return std::strerror(errno);
  if (!S_ISREG(status.st_mode)) return "it is not a regular file";
  // Root may write anything; the mode bits still say what the owner wants.
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(status.st_mode & 07777));
  if ((status.st_mode & S_IWUSR) == 0) {
    return std::string("it is read-only (mode ") + mode + "); fix leaves it as it is";
  }
  if (access(path.c_str(), W_OK) != 0) {
    return std::string("you may not write it (mode ") + mode + "); fix leaves it as it is";
  }
  if (status.st_nlink > 1) {
    return "it has " + std::to_string(status.st_nlink) +
           " hard links, which replacing it would break; apply the diff (--diff) by hand";
  }
  // The replacement is a new file: only root can give it another owner.
  if (geteuid() != 0 && status.st_uid != geteuid()) {
    return "it belongs to another user, which replacing it would change; apply the diff (--diff) "
           "by hand";
  }
  const std::string folder = fs::path(path).parent_path().string();
  if (access(folder.empty() ? "." : folder.c_str(), W_OK | X_OK) != 0) {
    return std::string("cannot create a file in its folder: ") + std::strerror(errno);
  }
  return "";
}

bool RealDisk::ReplaceFile(const std::string& link_or_file, const std::string& expected,
                           const std::string& text, std::string& error) {
  // A symlink stays a symlink: the file it points to is replaced.
  const std::string path = RealPath(link_or_file);
  if (path.empty()) {
    error = std::string("cannot resolve it: ") + std::strerror(errno);
    return false;
  }
  error = WhyNotReplaceable(path);
  if (!error.empty()) return false;
  struct stat status {};
  if (stat(path.c_str(), &status) != 0) {
    error = std::strerror(errno);
    return false;
  }
  const size_t slash = path.find_last_of('/');
  const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temporary = folder + "/." + name + ".kestra-lint-XXXXXX";
  const int fd = mkstemp(temporary.data());
  if (fd < 0) {
    error = std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    return false;
  }
  // Owner and group first: changing them may clear the set-id bits fchmod then sets.
  struct stat created {};
  const bool owned = fstat(fd, &created) == 0 &&
                     ((created.st_uid == status.st_uid && created.st_gid == status.st_gid) ||
                      fchown(fd, status.st_uid, status.st_gid) == 0);
  if (!owned) {
    error = std::string("cannot keep its owner and group: ") + std::strerror(errno) +
            "; apply the diff (--diff) by hand";
    close(fd);
    unlink(temporary.c_str());
    return false;
  }
  const bool written =
      fchmod(fd, status.st_mode & 07777) == 0 && WriteAll(fd, text) && fsync(fd) == 0;
  const int saved_errno = errno;
  const bool closed = close(fd) == 0;
  if (!written || !closed) {
    unlink(temporary.c_str());
    error = std::string("cannot write: ") + std::strerror(written ? errno : saved_errno);
    return false;
  }
  // The one read: the last look before the rename, so a concurrent edit is
  // not overwritten.
  std::string current;
  if (!ReadWhole(path, current)) {
    unlink(temporary.c_str());
    error = "cannot read it again";
    return false;
  }
  if (current != expected) {
    unlink(temporary.c_str());
    error = "it changed since it was read; run fix again";
    return false;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    error = std::string("cannot replace it: ") + std::strerror(errno);
    unlink(temporary.c_str());
    return false;
  }
  return true;
}

PathType OverlayDisk::TypeOf(const std::string& path) const {
  return texts_.count(path) ? PathType::kFile : below_.TypeOf(path);
}

std::vector<DirectoryEntry> OverlayDisk::ListDirectory(const std::string& path) const {
  return below_.ListDirectory(path);
}

FileRead ReadHeldText(const std::string& held, uint64_t max_size, std::string& text) {
  FileRead read;
  text.clear();
  if (held.size() > max_size) {
    read.status = FileRead::Status::kTooLarge;
    read.size = held.size();
  } else {
    text = held;
  }
  return read;
}

FileRead OverlayDisk::ReadFile(const std::string& path, uint64_t max_size,
                               std::string& text) const {
  const auto found = texts_.find(path);
  if (found == texts_.end()) return below_.ReadFile(path, max_size, text);
  return ReadHeldText(found->second, max_size, text);
}

std::string OverlayDisk::WhyNotReplaceable(const std::string& path) const {
  return "cannot write " + path + " through the overlay of unsaved documents";
}

bool OverlayDisk::ReplaceFile(const std::string& path, const std::string&, const std::string&,
                              std::string& error) {
  error = "cannot write " + path + " through the overlay of unsaved documents";
  return false;
}

}  // namespace kestra_lint
