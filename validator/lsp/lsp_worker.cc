// The language server's workers: the lint worker checks queued documents
// through the pipeline's analysis (Analyze) and publishes diagnostics, with
// each installation's .kestra-lint.yaml read again when stale; the
// workspace worker learns what the workspace folders tell the facts.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "base/glob.h"
#include "lsp/lsp_code_actions.h"
#include "lsp/lsp_diagnostics.h"
#include "lsp/lsp_hover.h"
#include "lsp/lsp_positions.h"
#include "lsp/lsp_server.h"
#include "lsp/lsp_server_support.h"
#include "lsp/lsp_uri.h"
#include "pipeline/installation_settings.h"
#include "pipeline/lint_config.h"
#include "pipeline/scan.h"
#include "pipeline/session.h"
#include "report/report.h"

namespace kestra_lint {

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
  std::vector<FactsInput> others;
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
                       [&excluded](const FactsInput& input) { return excluded(input.path); }),
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
    if (checked && (known == installation_facts_.end() || known->second != analysis->facts)) {
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
    if (uri.empty())
      uri = UriFromPath(std::filesystem::absolute(path).lexically_normal().generic_string());
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
      if (InsideAny(folders, job.path))
        input = ReadFactsInput(RealDisk(), job.path, max_file_size_);
      std::lock_guard<std::mutex> lock(mutex_);
      workspace_.SetDisk(job.path, std::move(input));
      for (const auto& [uri, document] : documents_) QueueLint(uri);
    }
  }
}

}  // namespace kestra_lint
