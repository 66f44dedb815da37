// HTTP request files of editor REST clients (JetBrains HTTP Client, VS Code
// REST Client).
#include "extract/code_uris.h"
#include "extract/source_kind.h"

namespace kestra_lint {

SourceKind HttpRequestsSourceKind() {
  SourceKind kind;
  kind.name = "http requests";
  kind.description = "HTTP request files";
  kind.file_patterns = {"*.http", "*.rest"};
  kind.recognised_by_file_patterns = true;
  kind.comment_signs = {"#", "//"};
  kind.extract_text = ExtractCodeUris;
  return kind;
}

}  // namespace kestra_lint
