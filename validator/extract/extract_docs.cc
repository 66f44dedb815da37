// Documentation: Markdown, MDX, reStructuredText, AsciiDoc and text files,
// whose curl examples users copy.
#include "extract/code_uris.h"
#include "extract/source_kind.h"

namespace kestra_lint {

SourceKind DocsSourceKind() {
  SourceKind kind;
  kind.name = "docs";
  kind.description = "Documentation";
  kind.file_patterns = {"*.md", "*.mdx", "*.rst", "*.txt", "*.adoc"};
  kind.recognised_by_file_patterns = true;
  kind.comment_signs = {"<!--", "{/*", ".."};
  kind.extract_text = ExtractCodeUris;
  return kind;
}

}  // namespace kestra_lint
