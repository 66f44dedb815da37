// Files compiled into the binary: rule packs, schemas and rule docs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kestra_lint {

struct EmbeddedFile {
  std::string name;  // path relative to the source root, e.g. "rules/kestra-0.23.yaml"
  std::string_view bytes;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();

// The file named `name`, or nullptr.
const EmbeddedFile* FindEmbeddedFile(std::string_view name);

}  // namespace kestra_lint
