// `kestra-lint lsp`: a Language Server (LSP 3.17) over a pair of file
// descriptors. The reading thread answers cheap messages at once; a lint
// worker checks documents (latest version only: results of superseded
// versions are dropped) and publishes diagnostics; a workspace worker learns
// the facts of the workspace folders in the background. Hover and code
// action requests wait, without blocking anything else, for the analysis of
// the document version they are about, and can be cancelled. Each
// installation follows its .kestra-lint.yaml, read again when it changes.
// Its members are defined in lsp_server.cc (dispatch), lsp_documents.cc and
// lsp_worker.cc.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "discover/file_reader.h"
#include "lsp/lsp_transport.h"
#include "lsp/lsp_workspace.h"
#include "pipeline/lint_config.h"
#include "pipeline/scan.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

class LspServer {
 public:
  LspServer(int input_fd, int output_fd, const RuleSet& rules);
  ~LspServer();
  LspServer(const LspServer&) = delete;
  LspServer& operator=(const LspServer&) = delete;

  // Serves until `exit` or the end of the input. Returns the process exit
  // code LSP asks for: 0 after `shutdown`, 1 otherwise.
  int Run();

 private:
  struct Document {
    std::string path;
    std::string installation;
    int version = 0;
    std::string text;
    std::shared_ptr<const Analysis> analysis;
  };
  // A hover or code action waiting for its document's current analysis.
  struct PendingRequest {
    nlohmann::json id;
    std::string method;
    nlohmann::json params;
    std::string uri;
  };
  // An installation's settings from its .kestra-lint.yaml (see
  // docs/editors.md): the last good ones while the file has a mistake.
  struct InstallationConfig {
    std::shared_ptr<const RuleSet> rules;  // the built-in ones plus the config's packs
    InstallationSettings settings;
  };
  struct WorkspaceJob {
    bool rescan = false;  // every folder again; else refresh `path`
    std::string path;
  };

  void Handle(const nlohmann::json& message);
  void HandleRequest(const nlohmann::json& id, const std::string& method,
                     const nlohmann::json& params);
  void HandleNotification(const std::string& method, const nlohmann::json& params);
  // Answers a failed request with an error; logs a failed notification.
  void Fail(bool has_id, const nlohmann::json& id, int code, const std::string& message);
  nlohmann::json Initialize(const nlohmann::json& params);
  void Initialized();
  void DidOpen(const nlohmann::json& params);
  void DidChange(const nlohmann::json& params);
  void DidClose(const nlohmann::json& params);
  void Refresh(const std::string& path);
  void Cancel(const nlohmann::json& id);
  nlohmann::json ExecuteCommand(const nlohmann::json& params);
  // Answers now when the document's analysis is current, else queues it.
  void AnswerOrWait(const nlohmann::json& id, const std::string& method,
                    const nlohmann::json& params);
  nlohmann::json Answer(const PendingRequest& request, const Analysis& analysis) const;

  std::vector<PendingRequest> TakePending(const std::string& uri);
  void LintLoop();
  void LintOne(const std::string& uri);
  void WorkspaceLoop();
  // Requires mutex_.
  void QueueLint(const std::string& uri);
  void QueueLintInstallation(const std::string& installation, const std::string& except_uri);
  // Requires mutex_: after a change of a config document, its installation's
  // settings are read again and its documents checked again.
  void ConfigChanged(const Document& document);

  // The settings of `installation`, read again (on the lint thread) when
  // stale; publishes the config's mistake, or none, on its URI.
  std::shared_ptr<const InstallationConfig> ConfigOf(const std::string& installation);
  std::shared_ptr<const InstallationConfig> ReadConfig(const std::string& installation);
  // The config's mistake, or none, as its diagnostics (`version` null when
  // the editor does not have it open: then also as a message).
  void PublishConfigMistake(const std::string& uri, const nlohmann::json& version,
                            const std::optional<std::string>& text,
                            const std::optional<ConfigError>& mistake);

  void Send(const nlohmann::json& message);
  void Respond(const nlohmann::json& id, nlohmann::json result);
  void RespondError(const nlohmann::json& id, int code, const std::string& message);
  void Notify(const std::string& method, nlohmann::json params);

  FrameReader reader_;
  FrameWriter writer_;
  const RuleSet& rules_;
  uint64_t max_file_size_ = kDefaultMaxFileSize;

  // Touched by the reading thread only.
  bool initialized_ = false;
  bool shutdown_ = false;
  bool watch_files_ = false;  // the client registers file watchers on request
  int next_request_id_ = 1;

  std::mutex mutex_;  // guards everything below
  ScanSettings settings_;
  std::vector<std::string> folders_;
  std::map<std::string, Document> documents_;  // by URI
  WorkspaceFacts workspace_;
  std::map<std::string, Facts> installation_facts_;
  std::map<std::string, std::shared_ptr<const InstallationConfig>> configs_;  // by installation
  std::set<std::string> stale_configs_;
  std::deque<std::string> lint_queue_;
  std::set<std::string> lint_queued_;
  std::vector<PendingRequest> pending_;
  std::deque<WorkspaceJob> workspace_jobs_;
  std::condition_variable lint_ready_;
  std::condition_variable workspace_ready_;
  std::atomic<bool> stop_{false};

  std::thread lint_thread_;
  std::thread workspace_thread_;
};

// `kestra-lint lsp` on standard input and output.
int RunLanguageServer();

}  // namespace kestra_lint
