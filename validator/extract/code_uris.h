// Kestra API URIs in application code, scripts, build files, JSON and prose.
// The whole text is read, comments, heredocs and docs included, and each URI
// keeps its exact byte range; what the text around it says (a KESTRA_URL
// base, a kestraFetch call, a client built with a Kestra base URL, a file
// that mentions Kestra) is recorded as the URI's context, for the rule to
// weigh with the route shape.
#pragma once

#include <string_view>

#include "extract/scanned_file.h"

namespace kestra_lint {

// Fills file.uris; costs one substring search when the text holds no "api/v1".
void ExtractCodeUris(ScannedFile& file);

// Kinds of application files (code, scripts, build files, JSON, docs) that
// a binary file may wear the name of: skipped without a finding.
bool IsSilentWhenBinary(FileKind kind);

// Does `text` mention Kestra (any case)?
bool MentionsKestraText(std::string_view text);

}  // namespace kestra_lint
