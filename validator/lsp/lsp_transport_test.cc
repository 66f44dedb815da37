#include "lsp/lsp_transport.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

namespace kestra_lint {
namespace {

// A pipe whose write end the test feeds and whose read end a FrameReader reads.
class Pipe {
 public:
  Pipe() { EXPECT_EQ(pipe(fds_), 0); }
  ~Pipe() {
    CloseWriteEnd();
    close(fds_[0]);
  }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void Write(const std::string& bytes) {
    ASSERT_EQ(write(fds_[1], bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  void CloseWriteEnd() {
    if (fds_[1] >= 0) close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fds_[2] = {-1, -1};
};

TEST(FrameReader, ReadsFramesBackToBackWithAndWithoutContentType) {
  Pipe pipe;
  pipe.Write(
      "Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
      "content-length: 7\r\n\r\n[1,2,3]");
  FrameReader reader(pipe.read_end());
  std::string body;
  std::string error;
  ASSERT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kFrame);
  EXPECT_EQ(body, "{}");
  ASSERT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kFrame);
  EXPECT_EQ(body, "[1,2,3]");
  EXPECT_EQ(reader.Read(body, error, 50), FrameReader::Status::kTimeout);
  pipe.CloseWriteEnd();
  EXPECT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kEnd);
}

TEST(FrameReader, BodyCountsBytesNotCharacters) {
  Pipe pipe;
  const std::string body_text = "\"\xC3\xA9\xF0\x9F\x98\x80\"";  // "é😀": 8 bytes
  pipe.Write("Content-Length: 8\r\n\r\n" + body_text + "Content-Length: 1\r\n\r\n1");
  FrameReader reader(pipe.read_end());
  std::string body;
  std::string error;
  ASSERT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kFrame);
  EXPECT_EQ(body, body_text);
  ASSERT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kFrame);
  EXPECT_EQ(body, "1");
}

TEST(FrameReader, MalformedHeadersAreReportedAndTheNextFrameStillArrives) {
  Pipe pipe;
  pipe.Write("Content-Type: text/plain\r\n\r\n");              // no length
  pipe.Write("Content-Length: twelve\r\n\r\n");                // not a number
  pipe.Write("Content-Length: 99999999999999999999\r\n\r\n");  // overflows
  pipe.Write("Content-Length: 4\r\n\r\nnull");
  FrameReader reader(pipe.read_end());
  std::string body;
  std::string error;
  EXPECT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kMalformed);
  EXPECT_EQ(error, "header without Content-Length");
  EXPECT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kMalformed);
  EXPECT_NE(error.find("invalid Content-Length"), std::string::npos);
  EXPECT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kMalformed);
  ASSERT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kFrame);
  EXPECT_EQ(body, "null");
}

TEST(FrameReader, EndlessHeaderGarbageIsCutOffAndResyncs) {
  Pipe pipe;
  pipe.Write(std::string(20000, 'x'));  // no header end in sight
  FrameReader reader(pipe.read_end());
  std::string body;
  std::string error;
  ASSERT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kMalformed);
  EXPECT_NE(error.find("header block too long"), std::string::npos);
  pipe.Write("\r\nContent-Length: 2\r\n\r\n{}");
  // The garbage's last bytes and the real header make one block; the stray
  // line in it is ignored.
  ASSERT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kFrame);
  EXPECT_EQ(body, "{}");
}

TEST(FrameReader, OversizedBodyIsSkippedWithoutKeepingIt) {
  Pipe pipe;
  const size_t size = kMaxFrameBody + 1;
  std::thread feeder([&] {
    pipe.Write("Content-Length: " + std::to_string(size) + "\r\n\r\n");
    const std::string chunk(1 << 20, ' ');
    for (size_t sent = 0; sent < size; sent += chunk.size()) {
      pipe.Write(chunk.substr(0, std::min(chunk.size(), size - sent)));
    }
    pipe.Write("Content-Length: 2\r\n\r\n{}");
  });
  FrameReader reader(pipe.read_end());
  std::string body;
  std::string error;
  EXPECT_EQ(reader.Read(body, error, 5000), FrameReader::Status::kMalformed);
  EXPECT_NE(error.find("over the limit"), std::string::npos);
  EXPECT_TRUE(body.empty());
  ASSERT_EQ(reader.Read(body, error, 5000), FrameReader::Status::kFrame);
  EXPECT_EQ(body, "{}");
  feeder.join();
}

TEST(FrameReader, TruncatedBodyIsTheEnd) {
  Pipe pipe;
  pipe.Write("Content-Length: 10\r\n\r\n{\"a\"");
  pipe.CloseWriteEnd();
  FrameReader reader(pipe.read_end());
  std::string body;
  std::string error;
  EXPECT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kEnd);
}

TEST(FrameWriter, WritesAFrameTheReaderReadsBack) {
  Pipe pipe;
  FrameWriter writer(pipe.write_end());
  ASSERT_TRUE(writer.Write("{\"x\":\"\xE2\x82\xAC\"}"));
  FrameReader reader(pipe.read_end());
  std::string body;
  std::string error;
  ASSERT_EQ(reader.Read(body, error, 1000), FrameReader::Status::kFrame);
  EXPECT_EQ(body, "{\"x\":\"\xE2\x82\xAC\"}");
}

}  // namespace
}  // namespace kestra_lint
