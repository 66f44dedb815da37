// Text edits on configuration keys that keep every other byte: delete a YAML
// block-style key with everything indented under it, delete one line of a
// .properties or .env file, replace the last segment of a key as written.
// Each returns nothing when the layout makes the edit uncertain.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "finding.h"
#include "scanned_file.h"

namespace kestra_lint {

// Offset just past the YAML flow collection that opens at `open` ('{' or
// '['), quotes and comments respected; npos when it does not close.
size_t FlowCollectionEnd(std::string_view text, size_t open);

// Deletes the lines of the block-style YAML key starting at `key_begin`: its
// line and the lines indented deeper below it (trailing blank lines stay).
// Nothing when anything but spaces precedes the key on its line (flow style,
// a sequence item's first key) or its value is a flow collection that does
// not close on the key's line.
std::optional<TextEdit> DeleteYamlKey(const SourceText& source, size_t key_begin);

// Deletes the line(s) of a .properties or .env entry, from the start of the
// key's line to the end of the line holding `last`. Only blanks (and, for
// .env, `export`) may precede the key.
std::optional<TextEdit> DeleteFlatEntry(const SourceText& source, const Span& key, size_t last,
                                        bool env_file);

// Replaces the key written at `key`, except its first `keep` bytes, with
// `tail`. Nothing when the bytes at `key` are not exactly `written` (a quoted
// or escaped key).
std::optional<TextEdit> ReplaceKeyTail(const SourceText& source, const Span& key,
                                       std::string_view written, size_t keep,
                                       const std::string& tail);

}  // namespace kestra_lint
