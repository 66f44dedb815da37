// JSON files: npm scripts in package.json, Postman collections, OpenAPI
// documents, any other JSON.
#include "extract/code_uris.h"
#include "extract/source_kind.h"

namespace kestra_lint {

SourceKind JsonSourceKind() {
  SourceKind kind;
  kind.name = "json";
  kind.description = "JSON (package.json, Postman collections, OpenAPI documents)";
  kind.file_patterns = {"*.json"};
  kind.recognised_by_file_patterns = true;
  kind.extract_text = ExtractCodeUris;
  return kind;
}

}  // namespace kestra_lint
