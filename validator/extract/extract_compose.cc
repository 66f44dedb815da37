#include "extract/extract_compose.h"

#include "extract/deployment_yaml.h"
#include "extract/property_name.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

void ExtractService(ScannedFile& file, const TextView& view, DeploymentDocument& compose,
                    const std::string& name, uint32_t service) {
  const YamlDocument& document = compose.yaml();
  service = document.Resolve(service);
  const std::string path = JoinKey("services", name);
  if (!document.IsMap(service)) {
    compose.Uris(service, path);
    return;
  }
  const std::string origin = "compose service " + name;
  ComposeService record;
  record.name = name;
  const std::vector<uint32_t>& children = document.at(service).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const std::string& key = document.ScalarValue(children[i]);
    if (key == "environment") {
      compose.Environment(children[i + 1], origin);
      continue;
    }
    const uint32_t value = document.Resolve(children[i + 1]);
    if (key == "image" && document.IsScalar(value)) {
      record.image = document.at(value).value;
      record.image_span = NodeSpan(view, document.at(value));
      // An interpolated image is evidence only as the project's .env makes
      // it, which facts see (CollectFileFacts).
      if (record.image.find('$') == std::string::npos) compose.Image(value);
    }
    compose.Uris(children[i + 1], JoinKey(path, key));
  }
  file.compose_services.push_back(std::move(record));
}

// Top-level `configs:` whose inline `content` (Compose 2.23+) holds a file
// mounted into a container: read when it is Kestra configuration.
void ExtractConfigs(DeploymentDocument& compose, uint32_t configs) {
  const YamlDocument& document = compose.yaml();
  const std::vector<uint32_t>& children = document.at(configs).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const std::string& name = document.ScalarValue(children[i]);
    const uint32_t content = document.Find(children[i + 1], "content");
    if (document.IsScalar(content)) {
      compose.EmbeddedConfig(content, "compose config " + name, true);
    } else {
      compose.Uris(children[i + 1], JoinKey("configs", name));
    }
  }
}

}  // namespace

void ExtractCompose(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  DeploymentDocument compose(file, view, document);
  const uint32_t root = document.Resolve(document.root);
  if (!document.IsMap(root)) {
    compose.Uris(root, "");
    return;
  }
  const std::vector<uint32_t>& children = document.at(root).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const std::string& key = document.ScalarValue(children[i]);
    const uint32_t services = document.Resolve(children[i + 1]);
    if (key == "configs" && document.IsMap(services)) {
      ExtractConfigs(compose, services);
      continue;
    }
    if (key != "services" || !document.IsMap(services)) {
      compose.Uris(children[i + 1], key);
      continue;
    }
    const std::vector<uint32_t>& entries = document.at(services).children;
    for (size_t j = 0; j + 1 < entries.size(); j += 2) {
      ExtractService(file, view, compose, document.ScalarValue(entries[j]), entries[j + 1]);
    }
  }
}

namespace {

// docker-compose*, compose.*, compose-*, compose_* (any extension).
bool IsComposeName(std::string_view path) {
  const std::string_view name = BaseName(path);
  for (std::string_view pattern : {"docker-compose*", "compose.*", "compose-*", "compose_*"}) {
    if (NameMatchesPattern(pattern, name)) return true;
  }
  return false;
}

bool IsComposeDocument(const YamlDocument& document) {
  return HasTopLevelKey(document, "services") &&
         document.IsMap(document.Find(document.root, "services"));
}

}  // namespace

SourceKind ComposeSourceKind() {
  SourceKind kind;
  kind.name = "compose";
  kind.description = "Docker Compose";
  kind.file_patterns = {"*.yml", "*.yaml"};
  kind.recognised_by_name = IsComposeName;
  kind.recognised_by_content = IsComposeDocument;
  kind.extract_document = ExtractCompose;
  return kind;
}

}  // namespace kestra_lint
