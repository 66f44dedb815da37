// A test client for `kestra-lint lsp`: starts the server on pipes, either in
// this process (the server loop on a thread) or as the real binary, sends
// framed messages and waits, with a timeout, for the ones it expects.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "lsp/lsp_server.h"
#include "lsp/lsp_transport.h"
#include "test_support.h"

namespace kestra_lint::testing {

class LspClient {
 public:
  enum class Mode { kInProcess, kBinary };

  explicit LspClient(Mode mode) {
    signal(SIGPIPE, SIG_IGN);  // a server that died must fail the test, not kill it
    int to_server[2];
    int from_server[2];
    if (pipe(to_server) != 0 || pipe(from_server) != 0) return;
    to_server_ = to_server[1];
    from_server_ = from_server[0];
    if (mode == Mode::kInProcess) {
      server_ = std::make_unique<LspServer>(to_server[0], from_server[1], BuiltinRules());
      server_in_ = to_server[0];
      server_out_ = from_server[1];
      thread_ = std::thread([this] { exit_code_ = server_->Run(); });
    } else {
      pid_ = fork();
      if (pid_ == 0) {
        dup2(to_server[0], STDIN_FILENO);
        dup2(from_server[1], STDOUT_FILENO);
        for (int fd : {to_server[0], to_server[1], from_server[0], from_server[1]}) close(fd);
        execl(KESTRA_LINT_BINARY, "kestra-lint", "lsp", static_cast<char*>(nullptr));
        _exit(127);
      }
      close(to_server[0]);
      close(from_server[1]);
    }
    writer_ = std::make_unique<FrameWriter>(to_server_);
    reader_ = std::make_unique<FrameReader>(from_server_);
  }

  ~LspClient() {
    CloseInput();
    Wait();
    server_.reset();  // joins its workers before the pipes they write to close
    close(from_server_);
    if (server_in_ >= 0) close(server_in_);
    if (server_out_ >= 0) close(server_out_);
  }

  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  void SendRaw(const std::string& bytes) {
    ssize_t ignored = write(to_server_, bytes.data(), bytes.size());
    (void)ignored;
  }
  void Send(const nlohmann::json& message) { writer_->Write(message.dump()); }
  // Several messages in a single write: the server finds them all waiting.
  void SendTogether(const std::vector<nlohmann::json>& messages) {
    std::string frames;
    for (const nlohmann::json& message : messages) {
      const std::string body = message.dump();
      frames += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }
    SendRaw(frames);
  }
  void Notify(const std::string& method, const nlohmann::json& params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  int Request(const std::string& method, const nlohmann::json& params) {
    const int id = next_id_++;
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
    return id;
  }

  // The first message (received now or earlier) that `matches`; null after
  // `timeout_ms` without one.
  template <typename Predicate>
  nlohmann::json WaitFor(Predicate matches, int timeout_ms = 10000) {
    for (auto it = received_.begin(); it != received_.end(); ++it) {
      if (matches(*it)) {
        nlohmann::json found = std::move(*it);
        received_.erase(it);
        return found;
      }
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return nullptr;
      std::string body;
      std::string error;
      const FrameReader::Status status = reader_->Read(body, error, static_cast<int>(left.count()));
      if (status != FrameReader::Status::kFrame) return nullptr;
      nlohmann::json message = nlohmann::json::parse(body, nullptr, false);
      if (matches(message)) return message;
      received_.push_back(std::move(message));
    }
  }

  nlohmann::json Response(const nlohmann::json& id, int timeout_ms = 10000) {
    return WaitFor(
        [&](const nlohmann::json& m) {
          return m.contains("id") && m["id"] == id && !m.contains("method");
        },
        timeout_ms);
  }

  // The next publishDiagnostics for `uri` (with `version`, when given).
  nlohmann::json Diagnostics(const std::string& uri, int version = -1, int timeout_ms = 10000) {
    const nlohmann::json message = WaitFor(
        [&](const nlohmann::json& m) {
          return m.value("method", "") == "textDocument/publishDiagnostics" &&
                 m["params"]["uri"] == uri &&
                 (version < 0 || m["params"].value("version", -1) == version);
        },
        timeout_ms);
    return message.is_null() ? message : message["params"]["diagnostics"];
  }

  nlohmann::json Initialize(const nlohmann::json& params = {
                                {"capabilities", nlohmann::json::object()}}) {
    const nlohmann::json response = Response(Request("initialize", params));
    Notify("initialized", nlohmann::json::object());
    return response;
  }

  void Open(const std::string& uri, const std::string& text, int version = 1) {
    Notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "yaml"}, {"version", version}, {"text", text}}}});
  }

  // Sends shutdown and exit; returns the server's exit code.
  int Shutdown() {
    Response(Request("shutdown", nullptr));
    Notify("exit", nullptr);
    return Wait();
  }

  void CloseInput() {
    if (to_server_ >= 0) close(to_server_);
    to_server_ = -1;
  }

  // Waits for the server to end; its exit code.
  int Wait() {
    if (thread_.joinable()) thread_.join();
    if (pid_ > 0) {
      int status = 0;
      waitpid(pid_, &status, 0);
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      pid_ = -1;
    }
    return exit_code_;
  }

 private:
  int to_server_ = -1;
  int from_server_ = -1;
  int server_in_ = -1;
  int server_out_ = -1;
  pid_t pid_ = -1;
  int exit_code_ = -1;
  int next_id_ = 1;
  std::unique_ptr<LspServer> server_;
  std::thread thread_;
  std::unique_ptr<FrameWriter> writer_;
  std::unique_ptr<FrameReader> reader_;
  std::vector<nlohmann::json> received_;
};

}  // namespace kestra_lint::testing
