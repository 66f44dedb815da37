// Code actions for findings: the certain fix as a WorkspaceEdit, "Disable
// this rule for this line" (an inline suppression comment of the fix
// engine's syntax, with a reason placeholder), and "Explain this rule".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/source_text.h"
#include "extract/scanned_file.h"
#include "findings/finding.h"

namespace kestra_lint {

// The reason the inserted suppression carries until the user writes one.
constexpr const char* kReasonPlaceholder = "<reason>";

// The finding's fix as a WorkspaceEdit on `uri`: {"changes": {uri: [TextEdit]}},
// with the byte ranges of Finding::fix turned into UTF-16 ranges of `source`.
nlohmann::json WorkspaceEditFor(const Finding& finding, const SourceText& source,
                                const std::string& uri);

// The edit that waives `finding`: a trailing "# kestra-lint disable-line"
// comment on a YAML line without a comment, else a "disable-next-line"
// comment line above it with the line's indentation (.properties and .env
// only know whole-line comments). Each is checked by extracting the edited
// text of finding.path again: a comment inside an embedded configuration
// document counts, one inside a shell script or a quoted string does not.
// nullopt when no comment would waive the finding.
std::optional<TextEdit> SuppressionEditFor(const Finding& finding, const SourceText& source,
                                           FileKind kind);

// The code actions for `findings` (those the request's range touches).
nlohmann::json CodeActionsFor(const std::vector<const Finding*>& findings, const SourceText& source,
                              FileKind kind, const std::string& uri);

}  // namespace kestra_lint
