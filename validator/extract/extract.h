// The extract stage: decides what kind of file this is (by name, then by
// content, as the source-kind registry says) and hands it to that kind's
// extractor, which fills the records.
#pragma once

#include <string>
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

// Extracts a text the read stage would accept (no NUL byte, no UTF-16):
// what the pipeline makes of a valid file, without the read stage's checks.
ScannedFile ExtractText(std::string path, std::string text);

}  // namespace kestra_lint
