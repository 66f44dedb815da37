// The language server's open documents: their lifecycle (open, change,
// close, save), the requests about them (hover, code actions, explain) that
// wait for their current analysis, and the queue of documents to check.
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
#include "report/report.h"
#include "rules/rule_explanation.h"

namespace kestra_lint {

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

}  // namespace kestra_lint
