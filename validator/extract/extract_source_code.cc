// Application source code (TypeScript, JavaScript, Python, Go, Java, Kotlin,
// Ruby, PHP, C#, Rust, ...): where users' Kestra clients live.
#include "extract/code_uris.h"
#include "extract/source_kind.h"

namespace kestra_lint {

SourceKind SourceCodeSourceKind() {
  SourceKind kind;
  kind.name = "source code";
  kind.description = "Application source code";
  kind.file_patterns = {"*.ts",  "*.tsx", "*.mts", "*.cts", "*.js",    "*.jsx",    "*.mjs",
                        "*.cjs", "*.vue", "*.py",  "*.go",  "*.java",  "*.kt",     "*.kts",
                        "*.rb",  "*.php", "*.cs",  "*.rs",  "*.scala", "*.groovy", "*.swift"};
  kind.recognised_by_file_patterns = true;
  kind.comment_signs = {"//", "/*", "#"};
  kind.extract_text = ExtractCodeUris;
  return kind;
}

}  // namespace kestra_lint
