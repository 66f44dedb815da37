#include "extract/deployment_yaml.h"

#include <cctype>

#include "base/source_text.h"
#include "extract/compose_interpolation.h"
#include "extract/environment.h"
#include "extract/extract.h"
#include "extract/yaml_extract.h"
#include "yaml/scalar_offsets.h"
#include "yaml/yaml_lexer.h"

namespace kestra_lint {
namespace {

constexpr std::string_view kConfigurationVariable = "KESTRA_CONFIGURATION";

bool HasKestraConfigKeys(const YamlParseResult& parsed) {
  for (const YamlDocument& document : parsed.documents) {
    if (KindFromContent(document) == FileKind::kApplicationConfig) return true;
  }
  return false;
}

// The embedded document's comments that the file holds verbatim up to the end
// of a line (a literal block string's); others, in quoted or folded strings,
// could not be told from the text around them.
void AddEmbeddedComments(ScannedFile& file, const TextView& inner) {
  const std::string& text = file.source.text();
  for (const YamlComment& comment : FindYamlComments(inner.text())) {
    const size_t at = inner.ToFile(comment.offset);
    const size_t end = at + 1 + comment.text.size();
    if (end > text.size() || text[at] != '#' ||
        text.compare(at + 1, comment.text.size(), comment.text) != 0 ||
        (end < text.size() && text[end] != '\n' && text[end] != '\r')) {
      continue;
    }
    file.embedded_comments.push_back({at, comment.text});
  }
}

void ExtractEmbeddedText(ScannedFile& file, const TextView& inner, const std::string& origin,
                         bool only_if_kestra) {
  if (only_if_kestra && !HasKestraConfigKeys(ParseYaml(inner.text()))) return;
  AddEmbeddedComments(file, inner);
  const YamlParseResult parsed = LoadYaml(file, inner);
  for (const YamlDocument& embedded : parsed.documents) {
    ExtractConfigProperties(file, inner, embedded, embedded.root, "", origin);
    ExtractYamlUris(file, inner, embedded, embedded.root, "", origin);
  }
}

}  // namespace

bool DeploymentDocument::FirstVisit(Reading reading, uint32_t node) {
  node = document_.Resolve(node);
  return node != kNoNode && visited_.insert({reading, node}).second;
}

void DeploymentDocument::Environment(uint32_t node, const std::string& origin) {
  if (!FirstVisit(Reading::kEnvironment, node)) return;
  const YamlNode& environment = document_.at(document_.Resolve(node));
  // Only entries of a block collection can be deleted line by line.
  std::optional<EnvironmentEntry> entry;
  if (!environment.flow) {
    entry = EnvironmentEntry{};
    entry->collection = NodeSpan(view_, environment).begin;
  }
  if (environment.kind == YamlKind::kSequence) {
    if (entry) {
      entry->sequence_item = true;
      entry->entries = environment.children.size();
    }
    for (uint32_t item : environment.children) {
      if (entry) entry->begin = NodeSpan(view_, document_.at(item)).begin;
      ListEntry(item, origin, entry);
    }
  } else if (environment.kind == YamlKind::kMap) {
    if (entry) entry->entries = environment.children.size() / 2;
    for (size_t i = 0; i + 1 < environment.children.size(); i += 2) {
      const YamlNode& name = document_.at(environment.children[i]);
      if (name.kind != YamlKind::kScalar || name.value.empty()) continue;
      const Span name_span = NodeSpan(view_, name);
      if (entry) entry->begin = name_span.begin;
      Variable(name.value, name_span, environment.children[i + 1], 0, origin, entry);
    }
  }
}

void DeploymentDocument::EmbeddedConfig(uint32_t node, const std::string& origin,
                                        bool only_if_kestra) {
  if (!FirstVisit(Reading::kConfig, node)) return;
  node = document_.Resolve(node);
  if (document_.IsScalar(node)) {
    const TextView inner(view_, document_.at(node));
    ExtractEmbeddedText(file_, inner, origin, only_if_kestra);
  } else if (document_.IsMap(node)) {
    ExtractConfigProperties(file_, view_, document_, node, "", origin);
    ExtractYamlUris(file_, view_, document_, node, "", origin);
  }
}

void DeploymentDocument::Uris(uint32_t node, const std::string& path) {
  if (FirstVisit(Reading::kUris, node)) ExtractYamlUris(file_, view_, document_, node, path, "");
}

bool DeploymentDocument::Image(uint32_t node) {
  node = document_.Resolve(node);
  if (!document_.IsScalar(node)) return false;
  const YamlNode& image = document_.at(node);
  const std::optional<Edition> edition = KestraImageEdition(
      InterpolateCompose(image.value, [](const std::string&) -> std::optional<std::string> {
        return std::nullopt;
      }).text);
  if (!edition) return false;
  file_.evidence.push_back({*edition, "image " + image.value, NodeSpan(view_, image)});
  if (const std::optional<Version> version = Version::ParseImageTag(TagOfImage(image.value))) {
    file_.running_versions.push_back({*version, "image " + image.value, NodeSpan(view_, image)});
  }
  return true;
}

void DeploymentDocument::ImageTag(uint32_t node) {
  node = document_.Resolve(node);
  if (!document_.IsScalar(node)) return;
  const YamlNode& tag = document_.at(node);
  if (const std::optional<Version> version = Version::ParseImageTag(tag.value)) {
    file_.running_versions.push_back({*version, "image tag " + tag.value, NodeSpan(view_, tag)});
  }
}

// A variable whose value is `value_node` from value byte `skip` on (a
// "NAME=value" string skips "NAME="); kNoNode when it has no value.
void DeploymentDocument::Variable(std::string_view name, Span name_span, uint32_t value_node,
                                  size_t skip, const std::string& origin,
                                  const std::optional<EnvironmentEntry>& entry) {
  value_node = document_.Resolve(value_node);
  const size_t first_record = file_.properties.size();
  const std::string variable_origin = origin + " > " + std::string(name);
  if (name == kConfigurationVariable) {
    if (skip > 0) {
      if (!FirstVisit(Reading::kConfig, value_node)) return;
      const TextView inner(view_, document_.at(value_node), skip);
      ExtractEmbeddedText(file_, inner, variable_origin, false);
    } else {
      EmbeddedConfig(value_node, variable_origin, false);
    }
    return;
  }
  if (!document_.IsScalar(value_node)) {
    AddEnvironmentVariable(
        file_, name, name_span, "", [&](size_t) { return name_span.begin; }, false, origin);
  } else {
    const YamlNode& scalar = document_.at(value_node);
    const ScalarOffsets offsets(view_.text(), scalar);
    const std::string_view value = std::string_view(scalar.value).substr(skip);
    AddEnvironmentVariable(
        file_, name, name_span, value,
        [&](size_t i) { return view_.ToFile(offsets.SourceOffset(skip + i)); }, true, origin);
  }
  for (size_t i = first_record; i < file_.properties.size(); ++i) {
    file_.properties[i].environment_entry = entry;
  }
}

void DeploymentDocument::ListEntry(uint32_t item, const std::string& origin,
                                   const std::optional<EnvironmentEntry>& entry) {
  item = document_.Resolve(item);
  if (document_.IsMap(item)) {
    const uint32_t name_node = document_.Resolve(document_.Find(item, "name"));
    if (!document_.IsScalar(name_node)) return;
    const YamlNode& name = document_.at(name_node);
    Variable(name.value, NodeSpan(view_, name), document_.Find(item, "value"), 0, origin, entry);
    return;
  }
  if (!document_.IsScalar(item)) return;
  const YamlNode& text = document_.at(item);
  const size_t equals = text.value.find('=');
  const size_t name_end = equals == std::string::npos ? text.value.size() : equals;
  if (name_end == 0) return;
  const Span name_span = ValueSpan(view_, text, 0, name_end);
  const std::string_view name = std::string_view(text.value).substr(0, name_end);
  Variable(name, name_span, equals == std::string::npos ? kNoNode : item, equals + 1, origin,
           entry);
}

std::string_view TagOfImage(std::string_view image) {
  image = image.substr(0, image.find('@'));
  const size_t last_slash = image.rfind('/');
  const size_t colon = image.find(':', last_slash == std::string_view::npos ? 0 : last_slash);
  return colon == std::string_view::npos ? std::string_view() : image.substr(colon + 1);
}

std::optional<Edition> KestraImageEdition(std::string_view image) {
  image = image.substr(0, image.find('@'));
  const size_t last_slash = image.rfind('/');
  const size_t tag = image.find(':', last_slash == std::string_view::npos ? 0 : last_slash);
  const std::string name = AsciiLower(image.substr(0, tag));
  const size_t slash = name.rfind('/');
  const std::string_view last = slash == std::string::npos
                                    ? std::string_view(name)
                                    : std::string_view(name).substr(slash + 1);
  if (last == "kestra-ee") return Edition::kEe;
  const std::string_view kOss = "kestra/kestra";
  if (name.size() >= kOss.size() &&
      name.compare(name.size() - kOss.size(), kOss.size(), kOss) == 0 &&
      (name.size() == kOss.size() || name[name.size() - kOss.size() - 1] == '/')) {
    return Edition::kOss;
  }
  return std::nullopt;
}

}  // namespace kestra_lint
