// The language server's dispatch: the reading loop, JSON-RPC checks,
// requests and notifications routed to their handlers, initialization, and
// the messages sent back (see lsp_server.h for the threads).
#include "lsp/lsp_server.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "base/glob.h"
#include "base/json_depth.h"
#include "discover/installation.h"
#include "extract/source_kind.h"
#include "lsp/lsp_code_actions.h"
#include "lsp/lsp_diagnostics.h"
#include "lsp/lsp_hover.h"
#include "lsp/lsp_positions.h"
#include "lsp/lsp_server_support.h"
#include "lsp/lsp_uri.h"
#include "pipeline/installation_settings.h"
#include "pipeline/lint_config.h"
#include "pipeline/scan.h"
#include "report/report.h"

namespace kestra_lint {

LspServer::LspServer(int input_fd, int output_fd, const RuleSet& rules)
    : reader_(input_fd), writer_(output_fd), rules_(rules) {}

LspServer::~LspServer() {
  {
    // Under the lock: a worker between testing its wait condition and
    // blocking would otherwise miss the notification and never end.
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  lint_ready_.notify_all();
  workspace_ready_.notify_all();
  if (lint_thread_.joinable()) lint_thread_.join();
  if (workspace_thread_.joinable()) workspace_thread_.join();
}

int LspServer::Run() {
  lint_thread_ = std::thread([this] { LintLoop(); });
  workspace_thread_ = std::thread([this] { WorkspaceLoop(); });
  std::string body;
  std::string error;
  for (;;) {
    const FrameReader::Status status = reader_.Read(body, error);
    if (status == FrameReader::Status::kEnd) break;
    if (status == FrameReader::Status::kMalformed) {
      RespondError(nullptr, kParseError, "malformed message: " + error);
      continue;
    }
    if (FirstOpeningDeeperThan(body, kMaxJsonDepth) != std::string::npos) {
      RespondError(nullptr, kInvalidRequest, "the message nests deeper than the limit");
      continue;
    }
    const nlohmann::json message = nlohmann::json::parse(body, nullptr, false);
    if (message.is_discarded()) {
      RespondError(nullptr, kParseError, "the message is not valid JSON");
      continue;
    }
    if (message.is_object() && message.contains("method") && message["method"] == "exit") break;
    Handle(message);
  }
  return shutdown_ ? 0 : 1;
}

void LspServer::Handle(const nlohmann::json& message) {
  const bool has_id = message.is_object() && message.contains("id");
  const nlohmann::json id = has_id ? message["id"] : nlohmann::json();
  if (!message.is_object() || !message.contains("jsonrpc") || message["jsonrpc"] != "2.0" ||
      (has_id && !id.is_number_integer() && !id.is_string())) {
    RespondError(id.is_number_integer() || id.is_string() ? id : nlohmann::json(), kInvalidRequest,
                 "not a JSON-RPC 2.0 message");
    return;
  }
  if (!message.contains("method")) return;  // a response to one of our requests
  if (!message["method"].is_string()) {
    if (has_id) RespondError(id, kInvalidRequest, "method must be a string");
    return;
  }
  const std::string method = message["method"];
  const nlohmann::json params = message.value("params", nlohmann::json::object());
  try {
    if (has_id) {
      HandleRequest(id, method, params);
    } else {
      HandleNotification(method, params);
    }
  } catch (const nlohmann::json::exception& problem) {
    Fail(has_id, id, kInvalidParams, method + ": invalid params: " + problem.what());
  } catch (const InvalidParams& problem) {
    Fail(has_id, id, kInvalidParams, method + ": " + problem.what());
  } catch (const std::exception& problem) {
    Fail(has_id, id, kInternalError, method + ": " + problem.what());
  }
}

void LspServer::Fail(bool has_id, const nlohmann::json& id, int code, const std::string& message) {
  if (has_id) {
    RespondError(id, code, message);
  } else {
    Notify("window/logMessage", {{"type", 1}, {"message", "kestra-lint: " + message}});
  }
}

void LspServer::HandleRequest(const nlohmann::json& id, const std::string& method,
                              const nlohmann::json& params) {
  if (method == "initialize") {
    if (initialized_) {
      RespondError(id, kInvalidRequest, "initialize was already called");
      return;
    }
    const nlohmann::json result = Initialize(params);
    initialized_ = true;
    Respond(id, result);
  } else if (!initialized_) {
    RespondError(id, kServerNotInitialized, "the server is not initialized");
  } else if (shutdown_) {
    RespondError(id, kInvalidRequest, "the server is shutting down");
  } else if (method == "shutdown") {
    shutdown_ = true;
    Respond(id, nullptr);
  } else if (method == "textDocument/hover" || method == "textDocument/codeAction") {
    AnswerOrWait(id, method, params);
  } else if (method == "workspace/executeCommand") {
    Respond(id, ExecuteCommand(params));
  } else {
    RespondError(id, kMethodNotFound, "unknown method " + method);
  }
}

void LspServer::HandleNotification(const std::string& method, const nlohmann::json& params) {
  if (!initialized_ || shutdown_) return;  // LSP: dropped before initialize and after shutdown
  if (method == "initialized") {
    Initialized();
  } else if (method == "textDocument/didOpen") {
    DidOpen(params);
  } else if (method == "textDocument/didChange") {
    DidChange(params);
  } else if (method == "textDocument/didSave") {
    Refresh(DocumentPath(params.at("textDocument").at("uri").get<std::string>()));
  } else if (method == "textDocument/didClose") {
    DidClose(params);
  } else if (method == "workspace/didChangeWatchedFiles") {
    for (const nlohmann::json& change : params.at("changes")) {
      Refresh(DocumentPath(change.at("uri").get<std::string>()));
    }
  } else if (method == "$/cancelRequest") {
    Cancel(params.at("id"));
  }
}

nlohmann::json LspServer::Initialize(const nlohmann::json& params) {
  std::vector<std::string> folders;
  const nlohmann::json workspace_folders = params.value("workspaceFolders", nlohmann::json());
  if (workspace_folders.is_array()) {
    for (const nlohmann::json& folder : workspace_folders) {
      const std::string path = PathFromUri(folder.value("uri", ""));
      if (!path.empty()) folders.push_back(path);
    }
  } else if (params.value("rootUri", nlohmann::json()).is_string()) {
    const std::string path = PathFromUri(params["rootUri"].get<std::string>());
    if (!path.empty()) folders.push_back(path);
  }
  const nlohmann::json capabilities = params.value("capabilities", nlohmann::json::object());
  const nlohmann::json::json_pointer watch("/workspace/didChangeWatchedFiles/dynamicRegistration");
  watch_files_ =
      capabilities.is_object() && capabilities.contains(watch) && capabilities[watch] == true;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    folders_ = std::move(folders);
    settings_ = SettingsFrom(params.value("initializationOptions", nlohmann::json()));
  }
  return {
      {"capabilities",
       {{"textDocumentSync",
         {{"openClose", true}, {"change", kIncrementalSync}, {"save", {{"includeText", false}}}}},
        {"hoverProvider", true},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
        {"executeCommandProvider", {{"commands", {kExplainCommand}}}}}},
      {"serverInfo", {{"name", "kestra-lint"}, {"version", ToolVersion()}}}};
}

void LspServer::Initialized() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!folders_.empty()) workspace_jobs_.push_back({true, ""});
  }
  workspace_ready_.notify_one();
  if (!watch_files_) return;  // such clients send didSave for open files only
  nlohmann::json watchers = nlohmann::json::array();
  for (const std::string& glob : WatchedGlobs()) {
    watchers.push_back(nlohmann::json{{"globPattern", glob}});
  }
  watchers.push_back(nlohmann::json{{"globPattern", std::string("**/") + kConfigFileName}});
  Send({{"jsonrpc", "2.0"},
        {"id", "kestra-lint-" + std::to_string(next_request_id_++)},
        {"method", "client/registerCapability"},
        {"params",
         {{"registrations",
           {{{"id", "kestra-lint-watch"},
             {"method", "workspace/didChangeWatchedFiles"},
             {"registerOptions", {{"watchers", watchers}}}}}}}}});
}

void LspServer::Send(const nlohmann::json& message) {
  writer_.Write(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Messages are assembled by moving their parts in: nlohmann's initializer
// lists copy, which costs milliseconds for a thousand diagnostics.
void LspServer::Respond(const nlohmann::json& id, nlohmann::json result) {
  nlohmann::json message = {{"jsonrpc", "2.0"}, {"id", id}};
  message["result"] = std::move(result);
  Send(message);
}

void LspServer::RespondError(const nlohmann::json& id, int code, const std::string& message) {
  Send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void LspServer::Notify(const std::string& method, nlohmann::json params) {
  nlohmann::json message = {{"jsonrpc", "2.0"}, {"method", method}};
  message["params"] = std::move(params);
  Send(message);
}

int RunLanguageServer() {
  // A client that goes away must end the server through EOF, not SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  const RuleSet rules = LoadBuiltinRules();
  LspServer server(STDIN_FILENO, STDOUT_FILENO, rules);
  return server.Run();
}

}  // namespace kestra_lint
