#include "extract/chart_reference.h"

#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

// "kestra" or "<repository>/kestra": Kestra's own chart, not kestra-starter
// or kestra-operator.
bool IsKestraChart(std::string_view chart) {
  const size_t slash = chart.rfind('/');
  return chart.substr(slash == std::string_view::npos ? 0 : slash + 1) == "kestra";
}

void AddVersion(ScannedFile& file, const TextView& view, const YamlDocument& document,
                uint32_t version_node, const std::string& what) {
  version_node = document.Resolve(version_node);
  if (version_node == kNoNode || !document.IsScalar(version_node)) return;
  const YamlNode& node = document.at(version_node);
  const std::optional<Version> version = Version::Parse(node.value);
  if (!version) return;
  file.chart_versions.push_back({*version, what + " " + node.value, NodeSpan(view, node)});
}

// Entries of a list of maps whose `name_key` names the Kestra chart.
void FromList(ScannedFile& file, const TextView& view, const YamlDocument& document, uint32_t list,
              const char* name_key, const char* version_key, const std::string& what) {
  list = document.Resolve(list);
  if (list == kNoNode || !document.IsSequence(list)) return;
  for (uint32_t entry : document.at(list).children) {
    entry = document.Resolve(entry);
    if (!document.IsMap(entry) ||
        !IsKestraChart(document.ScalarValue(document.Find(entry, name_key)))) {
      continue;
    }
    AddVersion(file, view, document, document.Find(entry, version_key), what);
  }
}

}  // namespace

void ExtractChartReferences(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  const uint32_t root = document.Resolve(document.root);
  if (root == kNoNode || !document.IsMap(root)) return;
  if (BaseName(file.path) == "Chart.yaml") {
    FromList(file, view, document, document.Find(root, "dependencies"), "name", "version",
             "Chart.yaml dependency kestra");
  }
  FromList(file, view, document, document.Find(root, "releases"), "chart", "version",
           "helmfile release of chart kestra");
  if (document.ScalarValue(document.Find(root, "kind")) != "Application" ||
      document.ScalarValue(document.Find(root, "apiVersion")).rfind("argoproj.io/", 0) != 0) {
    return;
  }
  const uint32_t spec = document.Find(root, "spec");
  if (!document.IsMap(spec)) return;
  const uint32_t source = document.Resolve(document.Find(spec, "source"));
  if (source != kNoNode && document.IsMap(source) &&
      IsKestraChart(document.ScalarValue(document.Find(source, "chart")))) {
    AddVersion(file, view, document, document.Find(source, "targetRevision"),
               "Argo CD Application of chart kestra");
  }
  FromList(file, view, document, document.Find(spec, "sources"), "chart", "targetRevision",
           "Argo CD Application of chart kestra");
}

}  // namespace kestra_lint
