#include "extract/extract_helm.h"

#include "extract/deployment_yaml.h"
#include "extract/property_name.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

// Values paths as written, for origins: common.extraEnv.
std::string Join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

// Keys of one Kestra chart's values (the root, or `kestra:` in the starter
// chart). `prefix` is the key path of `values`, "" at the root.
class ChartValues {
 public:
  ChartValues(ScannedFile& file, const TextView& view, const YamlDocument& document)
      : file_(file), view_(view), document_(document), values_(file, view, document) {}

  void Extract(uint32_t values, const std::string& prefix) {
    const uint32_t image = document_.Find(values, "image");
    const bool kestra_image = values_.Image(document_.Find(image, "image")) ||
                              values_.Image(document_.Find(image, "repository"));
    if (kestra_image) values_.ImageTag(document_.Find(image, "tag"));
    // Without a Kestra image, a block string is read only when it looks like
    // Kestra configuration: other charts have `configuration:` keys too.
    const bool only_if_kestra = !kestra_image;
    const size_t properties_before = file_.properties.size();
    std::vector<PropertyRecord> chart_keys;
    std::vector<PropertyRecord> chart_subkeys;
    const std::vector<uint32_t>& children = document_.at(document_.Resolve(values)).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const YamlNode& key = document_.at(children[i]);
      if (key.kind != YamlKind::kScalar) continue;
      const uint32_t value = children[i + 1];
      const std::string path = Join(prefix, key.value);
      // Helm deletes a key set to null: it holds nothing to migrate.
      if (document_.at(document_.Resolve(value)).kind != YamlKind::kNull) {
        chart_keys.push_back(ChartKey(key, path, value));
      }
      AddSubkeys(value, path, chart_subkeys);
      if (key.value == "configuration" || key.value == "secrets") {
        values_.EmbeddedConfig(value, Origin(path), only_if_kestra);
      } else if (key.value == "configurations") {
        ExtractConfigurations(value, path, only_if_kestra);
      } else if (key.value == "extraEnv") {
        values_.Environment(value, Origin(path));
      } else if (key.value == "common" || key.value == "deployments") {
        ExtractComponents(value, path, key.value == "deployments");
      } else {
        values_.Uris(value, path);
      }
    }
    // Other charts use the same key names: chart keys count only for values
    // that deploy Kestra's image or hold Kestra configuration.
    if (kestra_image || SetsKestraProperty(properties_before)) {
      for (PropertyRecord& key : chart_keys) file_.chart_keys.push_back(std::move(key));
      for (PropertyRecord& key : chart_subkeys) file_.chart_subkeys.push_back(std::move(key));
    }
  }

 private:
  static std::string Origin(const std::string& path) { return "helm values " + path; }

  // Kestra configuration keys, not KESTRA_* variables: other software's
  // values may name a variable that way.
  bool SetsKestraProperty(size_t from) const {
    for (size_t i = from; i < file_.properties.size(); ++i) {
      const PropertyRecord& record = file_.properties[i];
      if (record.source != PropertyRecord::Source::kYaml) continue;
      if (record.key == "kestra" || record.key.rfind("kestra.", 0) == 0) return true;
    }
    return false;
  }

  // A chart key; an empty value is recorded as written ("", "{}" or "[]"),
  // so that a rule can tell a key that holds nothing from one that holds a
  // setting.
  PropertyRecord ChartKey(const YamlNode& key, const std::string& written, uint32_t value) const {
    PropertyRecord record;
    const YamlNode& node = document_.at(document_.Resolve(value));
    if (node.kind == YamlKind::kScalar) {
      record.has_scalar_value = true;
      record.value = node.value;
    } else if (node.children.empty()) {
      record.value = node.kind == YamlKind::kMap ? "{}" : "[]";
    }
    record.key = CanonicalKey(written);
    record.spelled = key.value;
    record.written = written;
    record.key_span = NodeSpan(view_, key);
    record.value_span = record.key_span;
    record.origin = "helm values";
    return record;
  }

  // The keys of the map `value` at `path`, with their scalar values.
  void AddSubkeys(uint32_t value, const std::string& path, std::vector<PropertyRecord>& out) const {
    if (!document_.IsMap(value)) return;
    const std::vector<uint32_t>& children = document_.at(document_.Resolve(value)).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const YamlNode& key = document_.at(children[i]);
      if (key.kind != YamlKind::kScalar) continue;
      PropertyRecord record = ChartKey(key, Join(path, key.value), children[i + 1]);
      record.parent = path;
      if (record.has_scalar_value) {
        record.value_span = NodeSpan(view_, document_.at(document_.Resolve(children[i + 1])));
      }
      out.push_back(std::move(record));
    }
  }

  void ExtractConfigurations(uint32_t configurations, const std::string& path,
                             bool only_if_kestra) {
    if (!document_.IsMap(configurations)) return;
    const std::vector<uint32_t>& children =
        document_.at(document_.Resolve(configurations)).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const std::string& key = document_.ScalarValue(children[i]);
      const std::string child_path = Join(path, key);
      if (key == "application") {
        values_.EmbeddedConfig(children[i + 1], Origin(child_path), only_if_kestra);
      } else {
        values_.Uris(children[i + 1], child_path);
      }
    }
  }

  // `common` (its extraEnv) or `deployments` (each deployment's extraEnv).
  void ExtractComponents(uint32_t node, const std::string& path, bool per_deployment) {
    if (!document_.IsMap(node)) return;
    const std::vector<uint32_t>& children = document_.at(document_.Resolve(node)).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const std::string& key = document_.ScalarValue(children[i]);
      const std::string child_path = Join(path, key);
      if (per_deployment && document_.IsMap(children[i + 1])) {
        ExtractComponents(children[i + 1], child_path, false);
      } else if (key == "extraEnv") {
        values_.Environment(children[i + 1], Origin(child_path));
      } else {
        values_.Uris(children[i + 1], child_path);
      }
    }
  }

  ScannedFile& file_;
  const TextView& view_;
  const YamlDocument& document_;
  DeploymentDocument values_;
};

bool IsStarterChart(const YamlDocument& document, uint32_t kestra) {
  return document.IsMap(document.Find(kestra, "configurations")) ||
         document.IsMap(document.Find(kestra, "common"));
}

}  // namespace

void ExtractHelmValues(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  const uint32_t root = document.Resolve(document.root);
  if (!document.IsMap(root)) {
    ExtractYamlUris(file, view, document, root, "", "");
    return;
  }
  ChartValues chart(file, view, document);
  const uint32_t kestra = document.Find(root, "kestra");
  if (document.IsMap(kestra) && IsStarterChart(document, kestra)) {
    const std::vector<uint32_t>& children = document.at(root).children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const std::string& key = document.ScalarValue(children[i]);
      if (key == "kestra") {
        chart.Extract(children[i + 1], "kestra");
      } else {
        ExtractYamlUris(file, view, document, children[i + 1], key, "");
      }
    }
    return;
  }
  chart.Extract(root, "");
}

namespace {

// Chart values by their shape: Kestra's chart keys next to an image map.
bool LooksLikeHelmValues(const YamlDocument& document) {
  const uint32_t configurations = document.Find(document.root, "configurations");
  if (document.IsMap(configurations) && document.Find(configurations, "application") != kNoNode) {
    return true;
  }
  return document.IsMap(document.Find(document.root, "image")) &&
         (HasTopLevelKey(document, "configuration") || HasTopLevelKey(document, "extraEnv") ||
          HasTopLevelKey(document, "deployments"));
}

bool IsHelmValuesPath(std::string_view path) { return IsHelmValuesName(BaseName(path)); }

}  // namespace

bool IsHelmValuesName(std::string_view name) {
  if (!IsYamlName(name)) return false;
  const std::string_view stem = name.substr(0, name.rfind('.'));
  for (std::string_view pattern : {"values*", "*-values", "*_values", "*.values"}) {
    if (NameMatchesPattern(pattern, stem)) return true;
  }
  return false;
}

SourceKind HelmValuesSourceKind() {
  SourceKind kind;
  kind.name = "helm values";
  kind.description = "Helm values";
  kind.file_patterns = {"*.yml", "*.yaml"};
  kind.recognised_by_name = IsHelmValuesPath;
  kind.recognised_by_content = LooksLikeHelmValues;
  kind.extract_document = ExtractHelmValues;
  return kind;
}

}  // namespace kestra_lint
