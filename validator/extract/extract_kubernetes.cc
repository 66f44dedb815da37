#include "extract/extract_kubernetes.h"

#include "extract/chart_reference.h"
#include "extract/deployment_yaml.h"
#include "extract/property_name.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

class Manifest {
 public:
  Manifest(ScannedFile& file, const TextView& view, const YamlDocument& document)
      : file_(file), view_(view), document_(document), manifest_(file, view, document) {
    const uint32_t root = document.Resolve(document.root);
    kind_ = document.ScalarValue(document.Find(root, "kind"));
    name_ = document.ScalarValue(document.Find(document.Find(root, "metadata"), "name"));
  }

  void Extract() {
    const uint32_t root = document_.Resolve(document_.root);
    const bool config_map = kind_ == "ConfigMap";
    const bool secret = kind_ == "Secret";
    const std::vector<uint32_t>& children = document_.at(root).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const std::string& key = document_.ScalarValue(children[i]);
      if ((config_map && (key == "data" || key == "stringData")) ||
          (secret && key == "stringData")) {
        ExtractDataEntries(children[i + 1], key);
      } else if (secret && key == "data") {
        continue;
      } else {
        Walk(children[i + 1], key, 0);
      }
    }
  }

 private:
  // Container lists sit at different depths (Deployment, CronJob, Pod...):
  // find them anywhere, without following aliases.
  static constexpr int kMaxDepth = 64;

  std::string Origin() const { return "kubernetes " + kind_ + " " + name_; }

  void ExtractDataEntries(uint32_t data, const std::string& field) {
    data = document_.Resolve(data);
    if (!document_.IsMap(data)) return;
    const std::vector<uint32_t>& children = document_.at(data).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const std::string& entry = document_.ScalarValue(children[i]);
      if (!IsYamlName(entry)) {
        ExtractYamlUris(file_, view_, document_, children[i + 1], JoinKey(field, entry), Origin());
        continue;
      }
      manifest_.EmbeddedConfig(children[i + 1], Origin() + " > " + field + "." + entry, true);
    }
  }

  void Walk(uint32_t node, const std::string& path, int depth) {
    if (node == kNoNode || depth > kMaxDepth) return;
    const YamlNode& current = document_.at(node);
    if (current.kind == YamlKind::kMap) {
      for (size_t i = 0; i + 1 < current.children.size(); i += 2) {
        const std::string& key = document_.ScalarValue(current.children[i]);
        const std::string child_path = JoinKey(path, key);
        if ((key == "containers" || key == "initContainers") &&
            document_.IsSequence(current.children[i + 1])) {
          for (uint32_t container : document_.at(current.children[i + 1]).children) {
            ExtractContainer(container, child_path);
          }
        } else {
          Walk(current.children[i + 1], child_path, depth + 1);
        }
      }
    } else if (current.kind == YamlKind::kSequence) {
      for (uint32_t child : current.children) Walk(child, path, depth + 1);
    } else {
      manifest_.Uris(node, path);
    }
  }

  void ExtractContainer(uint32_t container, const std::string& path) {
    if (!document_.IsMap(container)) {
      manifest_.Uris(container, path);
      return;
    }
    const std::string container_name = document_.ScalarValue(document_.Find(container, "name"));
    const std::string origin = Origin() + " > container " + container_name;
    const std::vector<uint32_t>& children = document_.at(document_.Resolve(container)).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const std::string& key = document_.ScalarValue(children[i]);
      if (key == "env") {
        manifest_.Environment(children[i + 1], origin);
      } else {
        if (key == "image") manifest_.Image(children[i + 1]);
        manifest_.Uris(children[i + 1], JoinKey(path, key));
      }
    }
  }

  ScannedFile& file_;
  const TextView& view_;
  const YamlDocument& document_;
  DeploymentDocument manifest_;
  std::string kind_;
  std::string name_;
};

}  // namespace

void ExtractKubernetes(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  if (!document.IsMap(document.root)) {
    ExtractYamlUris(file, view, document, document.root, "", "");
    return;
  }
  Manifest(file, view, document).Extract();
  ExtractChartReferences(file, view, document);  // an Argo CD Application
}

namespace {

bool IsKubernetesManifest(const YamlDocument& document) {
  return HasTopLevelKey(document, "apiVersion") && HasTopLevelKey(document, "kind");
}

}  // namespace

SourceKind KubernetesSourceKind() {
  SourceKind kind;
  kind.name = "kubernetes manifest";
  kind.description = "Kubernetes manifests";
  kind.file_patterns = {"*.yml", "*.yaml"};
  kind.recognised_by_content = IsKubernetesManifest;
  kind.extract_document = ExtractKubernetes;
  return kind;
}

}  // namespace kestra_lint
