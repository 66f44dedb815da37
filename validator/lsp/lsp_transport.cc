#include "lsp/lsp_transport.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace kestra_lint {
namespace {

// A header block longer than this is garbage, not a header.
constexpr size_t kMaxHeaderBlock = 8192;
constexpr size_t kReadChunk = 65536;

bool EqualsIgnoringCase(const std::string& a, const char* b) {
  size_t i = 0;
  for (; i < a.size() && b[i] != '\0'; ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return i == a.size() && b[i] == '\0';
}

std::string Trim(const std::string& text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) {
    --end;
  }
  return text.substr(begin, end - begin);
}

// The Content-Length of a header block; other headers (Content-Type) and
// stray lines are ignored, so a client's garbage before a header resyncs.
bool ContentLength(const std::string& headers, size_t& length, std::string& error) {
  size_t at = 0;
  while (at < headers.size()) {
    size_t end = headers.find('\n', at);
    if (end == std::string::npos) end = headers.size();
    const std::string line = headers.substr(at, end - at);
    at = end + 1;
    const size_t colon = line.find(':');
    if (colon == std::string::npos ||
        !EqualsIgnoringCase(Trim(line.substr(0, colon)), "content-length")) {
      continue;
    }
    const std::string digits = Trim(line.substr(colon + 1));
    if (digits.empty() || digits.size() > 18) {
      error = "invalid Content-Length '" + digits.substr(0, 32) + "'";
      return false;
    }
    length = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') {
        error = "invalid Content-Length '" + digits.substr(0, 32) + "'";
        return false;
      }
      length = length * 10 + static_cast<size_t>(c - '0');
    }
    return true;
  }
  error = "header without Content-Length";
  return false;
}

}  // namespace

bool FrameReader::Fill(int timeout_ms, bool& timed_out) {
  if (start_ > 0 && start_ == buffer_.size()) {
    buffer_.clear();
    start_ = 0;
  }
  if (timeout_ms >= 0) {
    pollfd ready{fd_, POLLIN, 0};
    int polled = 0;
    do {
      polled = poll(&ready, 1, timeout_ms);
    } while (polled < 0 && errno == EINTR);
    if (polled == 0) {
      timed_out = true;
      return false;
    }
  }
  char chunk[kReadChunk];
  ssize_t count = 0;
  do {
    count = read(fd_, chunk, sizeof chunk);
  } while (count < 0 && errno == EINTR);
  if (count <= 0) return false;
  buffer_.append(chunk, static_cast<size_t>(count));
  return true;
}

bool FrameReader::ReadHeaders(std::string& headers, std::string& error, int timeout_ms,
                              bool& timed_out) {
  for (;;) {
    const size_t crlf = buffer_.find("\r\n\r\n", start_);
    const size_t lf = buffer_.find("\n\n", start_);
    const size_t end = std::min(crlf, lf);
    if (end != std::string::npos) {
      const size_t separator = end == crlf ? 4 : 2;
      headers = buffer_.substr(start_, end - start_);
      start_ = end + separator;
      return true;
    }
    if (buffer_.size() - start_ > kMaxHeaderBlock) {
      // Keep the tail: it may hold the start of the next real header.
      start_ = buffer_.size() - 3;
      error = "header block too long or not terminated by an empty line";
      return false;
    }
    if (!Fill(timeout_ms, timed_out)) return false;
  }
}

FrameReader::Status FrameReader::Read(std::string& body, std::string& error, int timeout_ms) {
  body.clear();
  error.clear();
  std::string headers;
  bool timed_out = false;
  if (!ReadHeaders(headers, error, timeout_ms, timed_out)) {
    if (!error.empty()) return Status::kMalformed;
    return timed_out ? Status::kTimeout : Status::kEnd;
  }
  size_t length = 0;
  if (!ContentLength(headers, length, error)) return Status::kMalformed;

  const bool keep = length <= kMaxFrameBody;
  size_t remaining = length;
  while (remaining > 0) {
    if (start_ == buffer_.size() && !Fill(-1, timed_out)) return Status::kEnd;
    const size_t take = std::min(remaining, buffer_.size() - start_);
    if (keep) body.append(buffer_, start_, take);
    start_ += take;
    remaining -= take;
  }
  if (!keep) {
    body.clear();
    error = "message of " + std::to_string(length) + " bytes is over the limit of " +
            std::to_string(kMaxFrameBody);
    return Status::kMalformed;
  }
  return Status::kFrame;
}

bool FrameWriter::Write(const std::string& body) {
  const std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::lock_guard<std::mutex> lock(mutex_);
  size_t written = 0;
  while (written < frame.size()) {
    const ssize_t count = write(fd_, frame.data() + written, frame.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return false;
    written += static_cast<size_t>(count);
  }
  return true;
}

}  // namespace kestra_lint
