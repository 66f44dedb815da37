#include "extract.h"

#include "flat_files.h"
#include "yaml_extract.h"

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
    default:
      return ExtractGenericYaml;
  }
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
  if (path.find(".github/workflows/") != std::string_view::npos) return FileKind::kWorkflow;
  if (StartsWith(name, "values") && (EndsWith(name, ".yaml") || EndsWith(name, ".yml"))) {
    return FileKind::kHelmValues;
  }
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
  if (HasKey(document, "contexts") && !HasKey(document, "kestra")) return FileKind::kKestractl;
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

namespace {

// Tasks of the io.kestra.plugin.kestra group call the API of a Kestra
// instance from kestraUrl, adding /api/v1/{tenantId} themselves.
void ExtractKestraTaskClients(ScannedFile& file, const TextView& view, const YamlDocument& document,
                              uint32_t node, int depth) {
  node = document.Resolve(node);
  if (node == kNoNode || depth > 64) return;
  const YamlNode& current = document.at(node);
  if (current.kind == YamlKind::kMap) {
    const std::string& type = document.ScalarValue(document.Find(node, "type"));
    if (StartsWith(type, "io.kestra.plugin.kestra.")) {
      ClientSetting client;
      client.client = "task " + document.ScalarValue(document.Find(node, "id")) + " (" + type + ")";
      client.origin = client.client;
      const uint32_t url = document.Find(node, "kestraUrl");
      if (document.IsScalar(url)) {
        client.url_key = "kestraUrl";
        client.url = document.ScalarValue(url);
        client.url_span = NodeSpan(view, document.at(url));
        client.has_url = true;
      }
      const uint32_t tenant = document.Find(node, "tenantId");
      if (tenant != kNoNode) {
        client.tenant_key = "tenantId";
        client.tenant = document.ScalarValue(tenant);
        client.tenant_span = NodeSpan(view, document.at(tenant));
        client.has_tenant = true;
      }
      file.clients.push_back(std::move(client));
    }
  }
  if (current.kind == YamlKind::kMap || current.kind == YamlKind::kSequence) {
    for (uint32_t child : current.children) {
      ExtractKestraTaskClients(file, view, document, child, depth + 1);
    }
  }
}

}  // namespace

void ExtractFlow(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  ExtractYamlUris(file, view, document, document.root, "", "");
  ExtractKestraTaskClients(file, view, document, document.root, 0);
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
}

}  // namespace kestra_lint
