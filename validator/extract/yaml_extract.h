// The YAML building blocks every extractor uses: load a text into the file
// (its problems become findings), walk a Kestra configuration subtree into
// property records, and collect the API URIs of every string value.
#pragma once

#include <string>
#include <string_view>

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

// Parses `view` and records its syntax and duplicate-key problems in `file`.
YamlParseResult LoadYaml(ScannedFile& file, const TextView& view);

// Span in the file of a key or scalar node of a document parsed from `view`.
Span NodeSpan(const TextView& view, const YamlNode& node);
// Span in the file of value bytes [begin, end) of `scalar`.
Span ValueSpan(const TextView& view, const YamlNode& scalar, size_t begin, size_t end);

// Records every property under `node` (a map) as Kestra configuration whose
// keys start at `prefix` ("" for an application.yml root).
void ExtractConfigProperties(ScannedFile& file, const TextView& view, const YamlDocument& document,
                             uint32_t node, const std::string& prefix, const std::string& origin);

// Records the API URIs in every string value under `node`. `path` is the
// dotted key path of `node` (used as the URI's property).
void ExtractYamlUris(ScannedFile& file, const TextView& view, const YamlDocument& document,
                     uint32_t node, const std::string& path, const std::string& origin);

// Records the API URIs in `value`, whose byte i lies at file offset
// `to_file(i)`.
template <typename ToFile>
void ExtractStringUris(ScannedFile& file, std::string_view value, ToFile to_file,
                       const std::string& property, const std::string& origin);

}  // namespace kestra_lint

#include "extract/yaml_extract_inl.h"
