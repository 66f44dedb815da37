// A source kind: one kind of file kestra-lint reads (Compose files, Helm
// values, .properties, ...), described once so that extraction, discovery,
// the language server's file watching and docs/sources.md all follow the
// same registry (source_kinds.def) instead of each keeping its own list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

struct SourceKind {
  FileKind kind = FileKind::kOtherYaml;  // set by the registry from its line
  const char* name = "";                 // printed as the file's `kind` (audit): never rename
  const char* description = "";          // the first column of the docs/sources.md table
  // File-name patterns (`*` any run of characters) of the files a directory
  // walk picks for this kind; the language server watches the same names.
  std::vector<std::string_view> file_patterns;
  // The file patterns alone say the kind (a format of its own, not YAML).
  bool recognised_by_file_patterns = false;
  // Recognises the kind from the path alone, before reading; null: only by
  // the file patterns, if they decide.
  bool (*recognised_by_name)(std::string_view path) = nullptr;
  // Recognises a YAML document of a file whose name decided nothing; null: never.
  bool (*recognised_by_content)(const YamlDocument& document) = nullptr;
  // The signs that open a comment in a format of its own (`#`, `//`, `/*`,
  // `<!--`, `--`), where inline suppressions are read: a comment runs to its
  // line's end or to `*/` or `-->`. Empty: YAML, .properties and .env comments
  // are found by their own lexers, and formats without comments (JSON) have none.
  std::vector<std::string_view> comment_signs;
  // Exactly one extractor: of the whole text (a format of its own) or of each
  // YAML document of the file.
  void (*extract_text)(ScannedFile& file) = nullptr;
  void (*extract_document)(ScannedFile& file, const TextView& view,
                           const YamlDocument& document) = nullptr;
};

// Each kind's descriptor, defined in its extractor's file.
#define KESTRA_LINT_SOURCE_KIND(enumerator, descriptor) SourceKind descriptor();
#include "extract/source_kinds.def"
#undef KESTRA_LINT_SOURCE_KIND

// Every registered kind, in precedence order; index i describes FileKind(i).
const std::vector<SourceKind>& SourceKinds();
const SourceKind& SourceKindOf(FileKind kind);

// Does a directory walk pick a file of this name for some kind?
bool IsSourceFileName(std::string_view name);
// The globs a language client watches to see every source file change on
// disk (`**/` and each kind's file patterns, once each).
std::vector<std::string> WatchedGlobs();

// Helpers the kinds' recognisers share.
std::string_view BaseName(std::string_view path);
bool NameMatchesPattern(std::string_view pattern, std::string_view name);
bool IsYamlName(std::string_view name);
bool HasTopLevelKey(const YamlDocument& document, std::string_view key);

}  // namespace kestra_lint
