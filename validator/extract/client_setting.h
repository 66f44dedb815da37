// Building a ClientSetting (a base URL plus a tenant, see scanned_file.h)
// from a YAML map whose keys name the two settings.
#pragma once

#include <string>
#include <string_view>

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

struct ClientKeys {
  std::string_view url;
  std::string_view tenant;
};

// Records the client configured by map `settings` when it sets the URL or the
// tenant. A key present with no value (`tenant:`) counts as an empty tenant.
void AddYamlClient(ScannedFile& file, const TextView& view, const YamlDocument& document,
                   uint32_t settings, ClientKeys keys, const std::string& client,
                   const std::string& origin);

}  // namespace kestra_lint
