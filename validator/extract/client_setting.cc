#include "extract/client_setting.h"

#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

// Finds `key` in `map`: its key node and its value (resolved), or false.
bool Lookup(const YamlDocument& document, uint32_t map, std::string_view key, uint32_t& key_node,
            uint32_t& value_node) {
  const std::vector<uint32_t>& children = document.at(map).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    if (document.IsScalar(children[i]) && document.ScalarValue(children[i]) == key) {
      key_node = children[i];
      value_node = document.Resolve(children[i + 1]);
      return true;
    }
  }
  return false;
}

// The value's text and span: its first to last character (inside any
// quotes); an empty value is its quotes, an absent or null one its key.
void ReadSetting(const TextView& view, const YamlDocument& document, uint32_t key_node,
                 uint32_t value_node, std::string& value, Span& span) {
  if (document.IsScalar(value_node)) {
    const YamlNode& scalar = document.at(value_node);
    value = scalar.value;
    span = value.empty() ? NodeSpan(view, scalar) : ValueSpan(view, scalar, 0, value.size());
  } else {
    value.clear();
    span = NodeSpan(view, document.at(key_node));
  }
}

}  // namespace

void AddYamlClient(ScannedFile& file, const TextView& view, const YamlDocument& document,
                   uint32_t settings, ClientKeys keys, const std::string& client,
                   const std::string& origin) {
  settings = document.Resolve(settings);
  if (!document.IsMap(settings)) return;
  ClientSetting setting;
  setting.client = client;
  setting.origin = origin;
  setting.url_key = std::string(keys.url);
  setting.tenant_key = std::string(keys.tenant);
  uint32_t key_node = kNoNode;
  uint32_t value_node = kNoNode;
  if (Lookup(document, settings, keys.url, key_node, value_node) &&
      (value_node == kNoNode || !document.IsMap(value_node))) {
    setting.has_url = true;
    ReadSetting(view, document, key_node, value_node, setting.url, setting.url_span);
  }
  if (Lookup(document, settings, keys.tenant, key_node, value_node) &&
      (value_node == kNoNode || document.IsScalar(value_node) ||
       document.at(value_node).kind == YamlKind::kNull)) {
    setting.has_tenant = true;
    ReadSetting(view, document, key_node, value_node, setting.tenant, setting.tenant_span);
  }
  if (setting.has_url || setting.has_tenant) file.clients.push_back(std::move(setting));
}

}  // namespace kestra_lint
