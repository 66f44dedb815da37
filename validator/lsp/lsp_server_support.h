// What the language server's files (lsp_server.cc, lsp_documents.cc,
// lsp_worker.cc) share and nothing else uses: JSON-RPC error codes, the
// error for params that make no sense, and how a document's path and
// installation are named.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "discover/installation.h"
#include "facts/facts.h"

namespace kestra_lint {

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

// A path for a document: its file path, or its URI for unsaved buffers
// (their name still decides their kind).
std::string DocumentPath(const std::string& uri);

// True when `path` is one of `folders` or below one (lexically: what Discover walks).
bool InsideAny(const std::vector<std::string>& folders, const std::string& path);

// The installation of a document, named as InstallationRootOf names it.
std::string InstallationOf(const std::string& path);

bool SamePath(const std::string& a, const std::string& b);

// The text of the file at `path`; nullopt when it is missing, unreadable or
// over `max_size` bytes.
std::optional<std::string> ReadSmallFile(const std::string& path, uint64_t max_size);

// The settings a client may pass as initializationOptions, as `check`'s options.
ScanSettings SettingsFrom(const nlohmann::json& options);

}  // namespace kestra_lint
