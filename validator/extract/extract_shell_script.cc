// Shell and PowerShell scripts: curl calls in CI and setup scripts.
#include "extract/code_uris.h"
#include "extract/source_kind.h"

namespace kestra_lint {

SourceKind ShellScriptSourceKind() {
  SourceKind kind;
  kind.name = "shell script";
  kind.description = "Shell scripts";
  kind.file_patterns = {"*.sh", "*.bash", "*.zsh", "*.ps1"};
  kind.recognised_by_file_patterns = true;
  kind.comment_signs = {"#", "<#"};
  kind.extract_text = ExtractCodeUris;
  return kind;
}

}  // namespace kestra_lint
