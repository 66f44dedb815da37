// The Language Server Protocol's base layer: messages framed by a
// "Content-Length: N" header block, read from and written to file
// descriptors (stdio for the server, pipes for tests and clients). A bad
// frame is reported to the caller, never thrown, so the server lives on.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>

namespace kestra_lint {

// A body larger than this is skipped unread; the caller answers with an error.
constexpr size_t kMaxFrameBody = 64 * 1024 * 1024;

class FrameReader {
 public:
  enum class Status {
    kFrame,      // `body` holds one message
    kMalformed,  // `error` says why; the frame was skipped
    kEnd,        // end of input, or a read error
    kTimeout,    // nothing arrived within the timeout
  };

  explicit FrameReader(int fd) : fd_(fd) {}

  // Reads the next frame; `timeout_ms` < 0 waits as long as it takes.
  Status Read(std::string& body, std::string& error, int timeout_ms = -1);

 private:
  // Makes at least one more byte available in buffer_; false at the end.
  bool Fill(int timeout_ms, bool& timed_out);
  bool ReadHeaders(std::string& headers, std::string& error, int timeout_ms, bool& timed_out);

  int fd_;
  std::string buffer_;
  size_t start_ = 0;  // first unread byte of buffer_
};

// Writes frames; safe to call from several threads (frames never interleave).
class FrameWriter {
 public:
  explicit FrameWriter(int fd) : fd_(fd) {}
  // False when the peer is gone.
  bool Write(const std::string& body);

 private:
  int fd_;
  std::mutex mutex_;
};

}  // namespace kestra_lint
