// What Compose files, Helm values and Kubernetes manifests have in common:
// environment variables in their three YAML shapes, Kestra configuration
// embedded as a block string or a nested mapping, and container images that
// tell the edition. The per-kind extractors only know where these sit.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "extract/scanned_file.h"
#include "yaml/text_view.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {

// One document of a deployment file, read by the per-kind extractors. Each
// node is read once however many aliases name it: an anchor shared by every
// service, or an alias bomb, costs one walk (what a second walk would record
// sits at the same place, so nothing is lost).
class DeploymentDocument {
 public:
  DeploymentDocument(ScannedFile& file, const TextView& view, const YamlDocument& document)
      : file_(file), view_(view), document_(document) {}

  const YamlDocument& yaml() const { return document_; }

  // Records the environment variables of `node`: a mapping (NAME: value), a
  // list of "NAME=value" strings, or a list of {name: NAME, value: value}.
  // KESTRA_CONFIGURATION is read as embedded Kestra configuration.
  void Environment(uint32_t node, const std::string& origin);

  // Records the Kestra configuration held by `node`: a block string parsed in
  // place (positions map back to the outer file) or a nested mapping. With
  // `only_if_kestra`, a block string is read only when its YAML has Kestra's
  // top-level keys, so another product's configuration gives no findings.
  void EmbeddedConfig(uint32_t node, const std::string& origin, bool only_if_kestra);

  // Records the API URIs in every string under `node`, whose key path is `path`.
  void Uris(uint32_t node, const std::string& path);

  // Records the edition evidence of the image named by scalar `node`, and
  // the running version its tag names; true when it is a Kestra image.
  bool Image(uint32_t node);

  // Records the running version that scalar `node`, the tag of a Kestra
  // image given apart from its name (Helm's image.tag), names.
  void ImageTag(uint32_t node);

 private:
  enum class Reading { kEnvironment, kConfig, kUris };
  // False when `node` (after aliases) was read this way before.
  bool FirstVisit(Reading reading, uint32_t node);
  void Variable(std::string_view name, Span name_span, uint32_t value_node, size_t skip,
                const std::string& origin, const std::optional<EnvironmentEntry>& entry);
  void ListEntry(uint32_t item, const std::string& origin,
                 const std::optional<EnvironmentEntry>& entry);

  ScannedFile& file_;
  const TextView& view_;
  const YamlDocument& document_;
  std::set<std::pair<Reading, uint32_t>> visited_;
};

// The edition a container image name says: kestra/kestra is OSS,
// kestra/kestra-ee and registry.kestra.io/docker/kestra-ee are Enterprise;
// nothing for any other image.
std::optional<Edition> KestraImageEdition(std::string_view image);

// The tag of an image name ("v0.22.3" of "kestra/kestra:v0.22.3@sha256:..."),
// "" when it has none.
std::string_view TagOfImage(std::string_view image);

}  // namespace kestra_lint
