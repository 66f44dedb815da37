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
#include "discover/installation.h"
#include "extract/source_kind.h"
#include "pipeline/installation_settings.h"
#include "pipeline/session.h"
#include "pipeline/lint_config.h"
#include "lsp/lsp_code_actions.h"
#include "lsp/lsp_diagnostics.h"
#include "lsp/lsp_hover.h"
#include "lsp/lsp_positions.h"
#include "lsp/lsp_uri.h"
#include "report/report.h"
#include "rules/rule_explanation.h"
#include "pipeline/scan.h"

namespace kestra_lint {
namespace {

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;

// LSP messages nest a dozen levels at most; deeper ones are hostile.
constexpr int kMaxJsonDepth = 128;

// TextDocumentSyncKind.Incremental
constexpr int kIncrementalSync = 2;

// Params that parse but make no sense (an unknown command or rule).
class InvalidParams : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace fs = std::filesystem;

// A path for a document: its file path, or its URI for unsaved buffers
// (their name still decides their kind).
std::string DocumentPath(const std::string& uri) {
  const std::string path = PathFromUri(uri);
  return path.empty() ? uri : path;
}

// True when `path` is one of `folders` or below one (lexically: what Discover walks).
bool InsideAny(const std::vector<std::string>& folders, const std::string& path) {
  const std::filesystem::path file = std::filesystem::path(path).lexically_normal();
  for (const std::string& folder : folders) {
    const std::filesystem::path relative =
        file.lexically_relative(std::filesystem::path(folder).lexically_normal());
    if (!relative.empty() && *relative.begin() != "..") return true;
  }
  return false;
}

std::string InstallationOf(const std::string& path) {
  return path.empty() || path[0] != '/' ? "" : InstallationRootOf(path);
}

bool SamePath(const std::string& a, const std::string& b) {
  std::error_code error;
  return fs::absolute(a, error).lexically_normal() == fs::absolute(b, error).lexically_normal();
}

// The text of the file at `path`; nullopt when it is missing, unreadable or
// over `max_size` bytes.
std::optional<std::string> ReadSmallFile(const std::string& path, uint64_t max_size) {
  std::error_code error;
  if (!fs::is_regular_file(path, error) || fs::file_size(path, error) > max_size || error) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return std::nullopt;
  return text.str();
}

// The settings a client may pass as initializationOptions, as `check`'s options.
ScanSettings SettingsFrom(const nlohmann::json& options) {
  ScanSettings settings;
  if (!options.is_object()) return settings;
  settings.edition =
      ParseRequestedEdition(options.value("edition", "auto")).value_or(RequestedEdition::kAuto);
  settings.tenant = options.value("tenant", "");
  settings.target_version = Version::Parse(options.value("targetVersion", ""));
  return settings;
}

}  // namespace

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
    if (NestsDeeperThan(body, kMaxJsonDepth)) {
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

void LspServer::DidOpen(const nlohmann::json& params) {
  const nlohmann::json& item = params.at("textDocument");
  const std::string uri = item.at("uri").get<std::string>();
  Document document;
  document.path = DocumentPath(uri);
  document.installation = InstallationOf(document.path);
  document.version = item.value("version", 0);
  document.text = item.at("text").get<std::string>();
  std::lock_guard<std::mutex> lock(mutex_);
  const Document& opened = documents_[uri] = std::move(document);
  QueueLint(uri);
  if (IsConfigFile(opened.path)) ConfigChanged(opened);
}

void LspServer::DidChange(const nlohmann::json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = documents_.find(uri);
  if (found == documents_.end()) return;  // never opened: nothing to apply the change to
  Document& document = found->second;
  std::string text = document.text;
  for (const nlohmann::json& change : params.at("contentChanges")) ApplyContentChange(text, change);
  document.text = std::move(text);
  document.version = params.at("textDocument").value("version", document.version + 1);
  QueueLint(uri);
  if (IsConfigFile(document.path)) ConfigChanged(document);
}

void LspServer::DidClose(const nlohmann::json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = documents_.find(uri);
    if (found == documents_.end()) return;
    const std::string path = found->second.path;
    if (IsConfigFile(path)) ConfigChanged(found->second);  // its settings come from the disk again
    documents_.erase(found);
    workspace_.Close(path);
    workspace_jobs_.push_back({false, path});  // the disk's text counts again
    QueueLint(uri);  // publishes the empty list that clears its diagnostics
  }
  workspace_ready_.notify_one();
  for (const PendingRequest& request : TakePending(uri)) {
    Respond(request.id,
            request.method == "textDocument/hover" ? nlohmann::json() : nlohmann::json::array());
  }
}

void LspServer::Refresh(const std::string& path) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    workspace_jobs_.push_back({IsConfigFile(path), path});
  }
  workspace_ready_.notify_one();
}

void LspServer::Cancel(const nlohmann::json& id) {
  bool found = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (it->id == id) {
        pending_.erase(it);
        found = true;
        break;
      }
    }
  }
  if (found) RespondError(id, kRequestCancelled, "cancelled");
}

nlohmann::json LspServer::ExecuteCommand(const nlohmann::json& params) {
  if (params.at("command").get<std::string>() != kExplainCommand) {
    throw InvalidParams("unknown command " + params["command"].get<std::string>());
  }
  const std::string rule_id = params.at("arguments").at(0).get<std::string>();
  const Rule* rule = rules_.Find(rule_id);
  // A rule from a pack that an installation's .kestra-lint.yaml names.
  std::shared_ptr<const RuleSet> pack_rules;
  if (rule == nullptr) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& entry : configs_) {
      if (!entry.second || !entry.second->rules) continue;
      rule = entry.second->rules->Find(rule_id);
      if (rule != nullptr) {
        pack_rules = entry.second->rules;
        break;
      }
    }
  }
  if (rule == nullptr) throw InvalidParams("unknown rule " + rule_id);
  const std::string doc = ExplainRule(*rule);
  Notify("window/showMessage",
         {{"type", 3},
          {"message", RuleExplanation(rule_id).empty() ? doc : RuleExplanation(rule_id)}});
  return doc;
}

void LspServer::AnswerOrWait(const nlohmann::json& id, const std::string& method,
                             const nlohmann::json& params) {
  PendingRequest request{id, method, params,
                         params.at("textDocument").at("uri").get<std::string>()};
  // Bad params are an error now, not when the analysis arrives.
  if (method == "textDocument/hover") {
    LspPositionFromJson(params.at("position"));
  } else {
    LspRangeFromJson(params.at("range"));
  }
  std::shared_ptr<const Analysis> analysis;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = documents_.find(request.uri);
    if (found != documents_.end()) {
      const Document& document = found->second;
      if (!document.analysis || document.analysis->version != document.version) {
        pending_.push_back(std::move(request));
        return;
      }
      analysis = document.analysis;
    }
  }
  if (analysis) {
    Respond(id, Answer(request, *analysis));
  } else {
    Respond(id, method == "textDocument/hover" ? nlohmann::json() : nlohmann::json::array());
  }
}

nlohmann::json LspServer::Answer(const PendingRequest& request, const Analysis& analysis) const {
  const SourceText& source = analysis.file.source;
  std::vector<const Finding*> touched;
  if (request.method == "textDocument/hover") {
    const LspPosition position = LspPositionFromJson(request.params.at("position"));
    for (const Finding& finding : analysis.findings) {
      if (!finding.suppressed && Contains(FindingRange(source, finding), position)) {
        touched.push_back(&finding);
      }
    }
    return touched.empty() ? nlohmann::json() : HoverFor(touched, source);
  }
  const LspRange range = LspRangeFromJson(request.params.at("range"));
  for (const Finding& finding : analysis.findings) {
    if (!finding.suppressed && SharesLine(FindingRange(source, finding), range)) {
      touched.push_back(&finding);
    }
  }
  return CodeActionsFor(touched, source, analysis.file.kind, request.uri);
}

void LspServer::QueueLint(const std::string& uri) {
  if (lint_queued_.insert(uri).second) lint_queue_.push_back(uri);
  lint_ready_.notify_one();
}

void LspServer::ConfigChanged(const Document& document) {
  stale_configs_.insert(document.installation);
  QueueLintInstallation(document.installation, "");
}

void LspServer::QueueLintInstallation(const std::string& installation,
                                      const std::string& except_uri) {
  for (const auto& [uri, document] : documents_) {
    if (uri != except_uri && document.installation == installation) QueueLint(uri);
  }
}

void LspServer::LintLoop() {
  for (;;) {
    std::string uri;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      lint_ready_.wait(lock, [this] { return stop_ || !lint_queue_.empty(); });
      if (stop_) return;
      uri = std::move(lint_queue_.front());
      lint_queue_.pop_front();
      lint_queued_.erase(uri);
    }
    try {
      LintOne(uri);
    } catch (const std::exception& problem) {
      const std::string message = "checking " + uri + " failed: " + problem.what();
      Fail(false, nullptr, kInternalError, message);
      for (const PendingRequest& request : TakePending(uri)) {
        RespondError(request.id, kInternalError, message);
      }
    }
  }
}

void LspServer::LintOne(const std::string& uri) {
  std::string path;
  std::string installation;
  std::string text;
  int version = 0;
  std::vector<ScannedFile> others;
  bool closed = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = documents_.find(uri);
    closed = found == documents_.end();
    if (!closed) {
      const Document& document = found->second;
      path = document.path;
      installation = document.installation;
      text = document.text;
      version = document.version;
      others = workspace_.InputsOf(installation, path);
    }
  }
  if (closed) {
    // Only this thread publishes, so the client sees lists in order.
    Notify("textDocument/publishDiagnostics",
           {{"uri", uri}, {"diagnostics", nlohmann::json::array()}});
    return;
  }
  const std::shared_ptr<const InstallationConfig> config = ConfigOf(installation);
  const InstallationSettings& settings = config->settings;
  auto excluded = [&settings](const std::string& file) {
    return !GlobsKeep(settings.glob_root, file, settings.include, settings.exclude);
  };
  // A config file is read as settings (ConfigOf published its mistakes); a
  // file its installation excludes is not checked and counts for no facts.
  const bool checked = !IsConfigFile(path) && !excluded(path);
  std::shared_ptr<const Analysis> analysis;
  if (checked) {
    others.erase(
        std::remove_if(others.begin(), others.end(),
                       [&excluded](const ScannedFile& file) { return excluded(file.path); }),
        others.end());
    analysis = std::make_shared<const Analysis>(Analyze(path, installation, std::move(text),
                                                        version, std::move(others), settings,
                                                        *config->rules, max_file_size_));
  } else {
    auto unchecked = std::make_shared<Analysis>();
    unchecked->version = version;
    unchecked->file.path = path;
    unchecked->file.source = SourceText(std::move(text));
    analysis = std::move(unchecked);
  }
  // The previous analysis is freed after publishing, outside the lock: a
  // thousand findings take a while to free, and the reading thread waits
  // for the lock to apply the next change.
  std::shared_ptr<const Analysis> previous;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = documents_.find(uri);
    // Superseded (a newer version is queued) or closed meanwhile: drop it.
    if (found == documents_.end() || found->second.version != version) return;
    previous = std::move(found->second.analysis);
    found->second.analysis = analysis;
    workspace_.SetOpen(path, analysis->facts_input);
    const auto known = installation_facts_.find(installation);
    if (checked &&
        (known == installation_facts_.end() || !SameFacts(known->second, analysis->facts))) {
      const bool first = known == installation_facts_.end();
      installation_facts_[installation] = analysis->facts;
      if (!first) QueueLintInstallation(installation, uri);
    }
  }
  if (!IsConfigFile(path)) {
    nlohmann::json params = {{"uri", uri}, {"version", version}};
    params["diagnostics"] = DiagnosticsFor(analysis->findings, analysis->file.source);
    Notify("textDocument/publishDiagnostics", std::move(params));
  }
  for (const PendingRequest& request : TakePending(uri)) {
    Respond(request.id, Answer(request, *analysis));
  }
}

std::shared_ptr<const LspServer::InstallationConfig> LspServer::ConfigOf(
    const std::string& installation) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = configs_.find(installation);
    if (found != configs_.end() && stale_configs_.count(installation) == 0) return found->second;
    // Before reading: a change made meanwhile marks it stale again.
    stale_configs_.erase(installation);
  }
  return ReadConfig(installation);
}

std::shared_ptr<const LspServer::InstallationConfig> LspServer::ReadConfig(
    const std::string& installation) {
  const std::string path = installation.empty() ? "" : ConfigFileOf(installation);
  SettingOverrides overrides;  // the client's settings fill what the file leaves open
  std::optional<std::string> text;
  std::string uri;
  nlohmann::json version;  // null unless the editor has the file open
  {
    std::lock_guard<std::mutex> lock(mutex_);
    overrides.settings = settings_;
    for (const auto& [document_uri, document] : documents_) {
      if (!path.empty() && SamePath(document.path, path)) {
        text = document.text;
        uri = document_uri;
        version = document.version;
      }
    }
  }
  // The server's own rules: not owned, they outlive the server's workers.
  const std::shared_ptr<const RuleSet> builtin(std::shared_ptr<const RuleSet>(), &rules_);
  auto defaults = std::make_shared<InstallationConfig>();
  defaults->rules = builtin;
  defaults->settings = SettingsFor(LintConfig{}, overrides);
  auto config = std::make_shared<InstallationConfig>(*defaults);
  std::optional<ConfigError> mistake;
  if (!path.empty()) {
    if (!text) text = ReadSmallFile(path, max_file_size_);
    if (uri.empty()) uri = UriFromPath(fs::absolute(path).lexically_normal().generic_string());
    try {
      // Deleted since the installation was found: the defaults.
      const LintConfig lint = text ? ParseConfig(*text, path) : LintConfig{};
      // check's run settings (rulePacks, requireReason) are each
      // installation's own here: nothing spans installations.
      InstallationSession session = OpenInstallation(lint, overrides, {}, builtin);
      config->rules = std::move(session.rules);
      config->settings = std::move(session.settings);
    } catch (const ConfigError& error) {
      mistake = error;
    } catch (const RulePackError& error) {
      mistake = ConfigError(path, {}, std::string("invalid rule pack: ") + error.what());
    }
  }
  std::shared_ptr<const InstallationConfig> result;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::shared_ptr<const InstallationConfig>& slot = configs_[installation];
    // A mistake keeps the last good settings: typing in the config must
    // not flip every document to the defaults and back.
    if (!mistake) {
      slot = config;
    } else if (!slot) {
      slot = defaults;
    }
    result = slot;
  }
  if (!path.empty() && (text || mistake)) PublishConfigMistake(uri, version, text, mistake);
  return result;
}

void LspServer::PublishConfigMistake(const std::string& uri, const nlohmann::json& version,
                                     const std::optional<std::string>& text,
                                     const std::optional<ConfigError>& mistake) {
  nlohmann::json diagnostics = nlohmann::json::array();
  if (mistake) {
    diagnostics.push_back(ConfigErrorDiagnostic(*mistake, SourceText(text.value_or(""))));
  }
  nlohmann::json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
  if (!version.is_null()) params["version"] = version;
  Notify("textDocument/publishDiagnostics", std::move(params));
  // Some editors show the diagnostics of open files only.
  if (mistake && version.is_null()) {
    Notify("window/showMessage",
           {{"type", 1}, {"message", std::string("kestra-lint: ") + mistake->what()}});
  }
}

std::vector<LspServer::PendingRequest> LspServer::TakePending(const std::string& uri) {
  std::vector<PendingRequest> taken;
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->uri == uri) {
      taken.push_back(std::move(*it));
      it = pending_.erase(it);
    } else {
      ++it;
    }
  }
  return taken;
}

void LspServer::WorkspaceLoop() {
  for (;;) {
    WorkspaceJob job;
    std::vector<std::string> folders;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      workspace_ready_.wait(lock, [this] { return stop_ || !workspace_jobs_.empty(); });
      if (stop_) return;
      job = std::move(workspace_jobs_.front());
      workspace_jobs_.pop_front();
      folders = folders_;
    }
    if (job.rescan) {
      std::map<std::string, FactsInput> disk = ScanFolders(folders, max_file_size_, stop_);
      std::lock_guard<std::mutex> lock(mutex_);
      workspace_.ReplaceDisk(std::move(disk));
      // A .kestra-lint.yaml changed, appeared or went away.
      for (const auto& [root, config] : configs_) stale_configs_.insert(root);
      for (auto& [uri, document] : documents_) {
        document.installation = InstallationOf(document.path);
        QueueLint(uri);
      }
    } else {
      // Files outside the workspace folders are not part of the workspace:
      // a closed one must not start counting for the facts.
      std::optional<FactsInput> input;
      if (InsideAny(folders, job.path)) input = ReadFactsInput(job.path, max_file_size_);
      std::lock_guard<std::mutex> lock(mutex_);
      workspace_.SetDisk(job.path, std::move(input));
      for (const auto& [uri, document] : documents_) QueueLint(uri);
    }
  }
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
