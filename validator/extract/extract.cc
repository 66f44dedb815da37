#include "extract/extract.h"

#include <set>
#include <tuple>

#include "extract/extract_compose.h"
#include "extract/extract_flow.h"
#include "extract/extract_helm.h"
#include "extract/extract_kestractl.h"
#include "extract/extract_kubernetes.h"
#include "extract/extract_terraform.h"
#include "extract/extract_workflow.h"
#include "extract/flat_files.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool HasKey(const YamlDocument& document, std::string_view key) {
  return document.Find(document.root, key) != kNoNode;
}

using YamlExtractor = void (*)(ScannedFile&, const TextView&, const YamlDocument&);

YamlExtractor ExtractorFor(FileKind kind) {
  switch (kind) {
    case FileKind::kApplicationConfig:
      return ExtractApplicationConfig;
    case FileKind::kFlow:
      return ExtractFlow;
    case FileKind::kCompose:
      return ExtractCompose;
    case FileKind::kHelmValues:
      return ExtractHelmValues;
    case FileKind::kKubernetes:
      return ExtractKubernetes;
    case FileKind::kWorkflow:
      return ExtractWorkflow;
    case FileKind::kKestractl:
      return ExtractKestractl;
    default:
      return ExtractGenericYaml;
  }
}

bool IsYamlName(std::string_view name) { return EndsWith(name, ".yaml") || EndsWith(name, ".yml"); }

// values.yaml, values-prod.yaml, kestra-values.yaml, kestra.values.yml.
bool IsHelmValuesName(std::string_view name) {
  if (!IsYamlName(name)) return false;
  const std::string_view stem = name.substr(0, name.rfind('.'));
  return StartsWith(stem, "values") || EndsWith(stem, "-values") || EndsWith(stem, "_values") ||
         EndsWith(stem, ".values");
}

// Chart values by their shape: Kestra's chart keys next to an image map.
bool LooksLikeHelmValues(const YamlDocument& document) {
  const uint32_t configurations = document.Find(document.root, "configurations");
  if (document.IsMap(configurations) && document.Find(configurations, "application") != kNoNode) {
    return true;
  }
  return document.IsMap(document.Find(document.root, "image")) &&
         (HasKey(document, "configuration") || HasKey(document, "extraEnv") ||
          HasKey(document, "deployments"));
}

// An alias used twice (one x-environment anchor shared by several Compose
// services) yields the same record or problem twice: keep one per place.
void DropRepeatedRecords(ScannedFile& file) {
  std::set<std::tuple<size_t, size_t, std::string>> seen_properties;
  std::vector<PropertyRecord> properties;
  for (PropertyRecord& record : file.properties) {
    if (seen_properties.insert({record.key_span.begin, record.key_span.end, record.key}).second) {
      properties.push_back(std::move(record));
    }
  }
  file.properties = std::move(properties);
  std::set<std::pair<size_t, size_t>> seen_uris;
  std::vector<UriRecord> uris;
  for (UriRecord& record : file.uris) {
    if (seen_uris.insert({record.span.begin, record.span.end}).second) {
      uris.push_back(std::move(record));
    }
  }
  file.uris = std::move(uris);
  std::set<std::tuple<size_t, std::string, std::string>> seen_problems;
  std::vector<FileProblem> problems;
  for (FileProblem& problem : file.problems) {
    if (seen_problems.insert({problem.span.begin, problem.rule_id, problem.message}).second) {
      problems.push_back(std::move(problem));
    }
  }
  file.problems = std::move(problems);
}

}  // namespace

const char* FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kApplicationConfig:
      return "application config";
    case FileKind::kProperties:
      return "properties";
    case FileKind::kEnvFile:
      return "env file";
    case FileKind::kCompose:
      return "compose";
    case FileKind::kHelmValues:
      return "helm values";
    case FileKind::kKubernetes:
      return "kubernetes manifest";
    case FileKind::kFlow:
      return "flow";
    case FileKind::kWorkflow:
      return "github workflow";
    case FileKind::kKestractl:
      return "kestractl config";
    case FileKind::kTerraform:
      return "terraform";
    case FileKind::kOtherYaml:
      return "yaml";
  }
  return "yaml";
}

FileKind KindFromName(std::string_view path) {
  const std::string_view name = BaseName(path);
  if (EndsWith(name, ".properties")) return FileKind::kProperties;
  if (name == ".env" || EndsWith(name, ".env") || StartsWith(name, ".env.")) {
    return FileKind::kEnvFile;
  }
  if (EndsWith(name, ".tf")) return FileKind::kTerraform;
  if (StartsWith(name, "docker-compose") || StartsWith(name, "compose.") ||
      StartsWith(name, "compose-") || StartsWith(name, "compose_")) {
    return FileKind::kCompose;
  }
  if (path.find(".github/workflows/") != std::string_view::npos && IsYamlName(name)) {
    return FileKind::kWorkflow;
  }
  if (IsHelmValuesName(name)) return FileKind::kHelmValues;
  if (path.find(".kestractl/") != std::string_view::npos) return FileKind::kKestractl;
  return FileKind::kOtherYaml;
}

FileKind KindFromContent(const YamlDocument& document) {
  if (!document.IsMap(document.root)) return FileKind::kOtherYaml;
  if (HasKey(document, "id") && HasKey(document, "namespace") &&
      (HasKey(document, "tasks") || HasKey(document, "triggers"))) {
    return FileKind::kFlow;
  }
  if (HasKey(document, "apiVersion") && HasKey(document, "kind")) return FileKind::kKubernetes;
  if (HasKey(document, "services") && document.IsMap(document.Find(document.root, "services"))) {
    return FileKind::kCompose;
  }
  if (HasKey(document, "jobs") && HasKey(document, "on")) {
    return FileKind::kWorkflow;
  }
  if (document.IsMap(document.Find(document.root, "contexts")) && !HasKey(document, "kestra")) {
    return FileKind::kKestractl;
  }
  if (LooksLikeHelmValues(document)) return FileKind::kHelmValues;
  const std::vector<uint32_t>& children = document.at(document.Resolve(document.root)).children;
  for (size_t i = 0; i < children.size(); i += 2) {
    const std::string& key = document.ScalarValue(children[i]);
    if (key == "kestra" || StartsWith(key, "kestra.") || key == "micronaut" ||
        key == "datasources") {
      return FileKind::kApplicationConfig;
    }
  }
  return FileKind::kOtherYaml;
}

void ExtractApplicationConfig(ScannedFile& file, const TextView& view,
                              const YamlDocument& document) {
  ExtractConfigProperties(file, view, document, document.root, "", "");
  ExtractYamlUris(file, view, document, document.root, "", "");
}

void ExtractGenericYaml(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  ExtractYamlUris(file, view, document, document.root, "", "");
}

void ExtractFile(ScannedFile& file) {
  file.kind = KindFromName(file.path);
  switch (file.kind) {
    case FileKind::kProperties:
      ExtractPropertiesFile(file);
      return;
    case FileKind::kEnvFile:
      ExtractEnvFile(file);
      return;
    case FileKind::kTerraform:
      ExtractTerraformFile(file);
      return;
    default:
      break;
  }
  const TextView view(file.source.text());
  const YamlParseResult parsed = LoadYaml(file, view);
  const bool named = file.kind != FileKind::kOtherYaml;
  for (const YamlDocument& document : parsed.documents) {
    const FileKind kind = named ? file.kind : KindFromContent(document);
    if (!named && file.kind == FileKind::kOtherYaml) file.kind = kind;
    ExtractorFor(kind)(file, view, document);
  }
  DropRepeatedRecords(file);
}

}  // namespace kestra_lint
