// What Compose files, Helm values and Kubernetes manifests have in common:
// environment variables in their three YAML shapes, Kestra configuration
// embedded as a block string or a nested mapping, and container images that
// tell the edition. The per-kind extractors only know where these sit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scanned_file.h"
#include "text_view.h"
#include "yaml_tree.h"

namespace kestra_lint {

// Records the environment variables of `node`: a mapping (NAME: value), a
// list of "NAME=value" strings, or a list of {name: NAME, value: value}.
// KESTRA_CONFIGURATION is read as embedded Kestra configuration.
void ExtractEnvironment(ScannedFile& file, const TextView& view, const YamlDocument& document,
                        uint32_t node, const std::string& origin);

// Records the Kestra configuration held by `node`: a block string parsed in
// place (positions map back to the outer file) or a nested mapping. With
// `only_if_kestra`, a block string is read only when its YAML has Kestra's
// top-level keys, so another product's configuration gives no findings.
void ExtractEmbeddedConfig(ScannedFile& file, const TextView& view, const YamlDocument& document,
                           uint32_t node, const std::string& origin, bool only_if_kestra);

// The edition a container image name says: kestra/kestra is OSS,
// kestra/kestra-ee and registry.kestra.io/docker/kestra-ee are Enterprise;
// nothing for any other image.
std::optional<EditionEvidence::Edition> KestraImageEdition(std::string_view image);

// Records the edition evidence of the image named by scalar `node`; true
// when it is a Kestra image.
bool AddImageEvidence(ScannedFile& file, const TextView& view, const YamlDocument& document,
                      uint32_t node);

}  // namespace kestra_lint
