// Text edits on configuration keys that keep every other byte: delete a YAML
// block-style key or sequence item with everything indented under it, empty a
// YAML collection, delete one line of a .properties or .env file, delete a -D
// option from JAVA_OPTS, replace the last segment of a key as written.
// Each returns nothing when the layout makes the edit uncertain.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "extract/scanned_file.h"
#include "findings/finding.h"

namespace kestra_lint {

// Deletes the lines of the block-style YAML key starting at `key_begin`: its
// line and the lines indented deeper below it (trailing blank lines stay).
// Nothing when anything but spaces precedes the key on its line (flow style,
// a sequence item's first key) or its value is a flow collection that does
// not close on the key's line.
std::optional<TextEdit> DeleteYamlKey(const SourceText& source, size_t key_begin);

// Deletes the lines of the block sequence item whose content starts at
// `item_begin`: the line of its `-` and the lines indented deeper below it.
// Nothing when anything but spaces precedes the `-` or the item is a flow
// collection that does not close on its line.
std::optional<TextEdit> DeleteYamlSequenceItem(const SourceText& source, size_t item_begin);

// Replaces the block collection starting at `collection_begin` (up to `end`,
// the end of its last entry's lines) with `[]` or `{}` right after its key's
// colon. Nothing when anything but blanks lies between the colon and the
// collection (a comment, an anchor, a tag).
std::optional<TextEdit> EmptyYamlCollection(const SourceText& source, size_t collection_begin,
                                            size_t end, bool sequence);

// Deletes a -D option of JAVA_OPTS. A value left empty stays set to an empty
// string: `NAME=` and `"..."` keep their form, a plain YAML scalar (which
// would become null) becomes `""`. Nothing for any other layout.
std::optional<TextEdit> DeleteJavaOption(const SourceText& source,
                                         const JavaOptionRemoval& removal);

// Deletes the line(s) of a .properties or .env entry, from the start of the
// key's line to the end of the line holding `last`. Only blanks (and, for
// .env, `export`) may precede the key.
std::optional<TextEdit> DeleteFlatEntry(const SourceText& source, const Span& key, size_t last,
                                        bool env_file);

// A tenant id as a YAML scalar: quoted where YAML would read a number or a boolean.
std::string TenantYamlScalar(const std::string& tenant);

// Replaces the key written at `key`, except its first `keep` bytes, with
// `tail`. Nothing when the bytes at `key` are not exactly `written` (a quoted
// or escaped key).
std::optional<TextEdit> ReplaceKeyTail(const SourceText& source, const Span& key,
                                       std::string_view written, size_t keep,
                                       const std::string& tail);

}  // namespace kestra_lint
