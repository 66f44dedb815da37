// A file named on the command line that is neither a known kind nor YAML (by
// name or by content): read as text for its URIs, never as YAML, so it gets
// no yaml-syntax finding. A walk never picks one.
#include "extract/code_uris.h"
#include "extract/source_kind.h"

namespace kestra_lint {

SourceKind TextSourceKind() {
  SourceKind kind;
  kind.name = "text";
  kind.description = "Other text files named on the command line";
  kind.comment_signs = {"#", "//", "/*", "--", "<!--"};
  kind.extract_text = ExtractCodeUris;
  return kind;
}

}  // namespace kestra_lint
