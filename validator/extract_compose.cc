#include "extract_compose.h"

#include "deployment_yaml.h"
#include "property_name.h"
#include "yaml_extract.h"

namespace kestra_lint {
namespace {

void ExtractService(ScannedFile& file, const TextView& view, const YamlDocument& document,
                    const std::string& name, uint32_t service) {
  service = document.Resolve(service);
  const std::string path = JoinKey("services", name);
  if (!document.IsMap(service)) {
    ExtractYamlUris(file, view, document, service, path, "");
    return;
  }
  const std::string origin = "compose service " + name;
  const std::vector<uint32_t>& children = document.at(service).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const std::string& key = document.ScalarValue(children[i]);
    if (key == "environment") {
      ExtractEnvironment(file, view, document, children[i + 1], origin);
    } else {
      if (key == "image") AddImageEvidence(file, view, document, children[i + 1]);
      ExtractYamlUris(file, view, document, children[i + 1], JoinKey(path, key), "");
    }
  }
}

}  // namespace

void ExtractCompose(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  const uint32_t root = document.Resolve(document.root);
  if (!document.IsMap(root)) {
    ExtractYamlUris(file, view, document, root, "", "");
    return;
  }
  const std::vector<uint32_t>& children = document.at(root).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const std::string& key = document.ScalarValue(children[i]);
    const uint32_t services = document.Resolve(children[i + 1]);
    if (key != "services" || !document.IsMap(services)) {
      ExtractYamlUris(file, view, document, children[i + 1], key, "");
      continue;
    }
    const std::vector<uint32_t>& entries = document.at(services).children;
    for (size_t j = 0; j + 1 < entries.size(); j += 2) {
      ExtractService(file, view, document, document.ScalarValue(entries[j]), entries[j + 1]);
    }
  }
}

}  // namespace kestra_lint
