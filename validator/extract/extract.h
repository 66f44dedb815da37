// The extract stage: decides what kind of file this is (by name, then by
// content) and hands it to that kind's extractor, which fills the records.
#pragma once

#include <string_view>

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

// The kind a file's name alone says, or kOtherYaml when its content decides.
FileKind KindFromName(std::string_view path);
// The kind of a YAML file whose name did not decide, from its first document.
FileKind KindFromContent(const YamlDocument& document);

// Fills file.kind and the records from file.source.
void ExtractFile(ScannedFile& file);

// One extractor per kind of YAML file; each records properties, URIs, clients
// and edition evidence of one document.
void ExtractApplicationConfig(ScannedFile& file, const TextView& view,
                              const YamlDocument& document);
void ExtractGenericYaml(ScannedFile& file, const TextView& view, const YamlDocument& document);

}  // namespace kestra_lint
