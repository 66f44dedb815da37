// What the extractors make of one file: neutral records (properties, URIs,
// API client settings, edition evidence) with exact byte ranges, plus the
// problems found while loading it. Rules read only these records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/source_text.h"
#include "base/version.h"
#include "extract/edition.h"

namespace kestra_lint {

// The kind of a file, one per line of the registry (source_kinds.def, whose
// order these values follow); source_kind.h describes each.
enum class FileKind {
#define KESTRA_LINT_SOURCE_KIND(enumerator, descriptor) enumerator,
#include "extract/source_kinds.def"
#undef KESTRA_LINT_SOURCE_KIND
};

// The kind's stable name, as outputs print it.
const char* FileKindName(FileKind kind);

// A byte range in the scanned file.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// An environment variable set as an entry of a block-style YAML mapping or
// list (Compose `environment:`, Helm `extraEnv`, Kubernetes `env`), for a fix
// that deletes the entry whole.
struct EnvironmentEntry {
  size_t begin = 0;  // the entry's first byte: its key, or its sequence item's content
  bool sequence_item = false;
  size_t collection = 0;  // first byte of the mapping or list holding it
  size_t entries = 0;     // how many entries that collection holds
};

// Where a -D option of JAVA_OPTS lies when its value maps to the file byte
// for byte: the bytes deleting it removes (the option and one adjacent run of
// blanks), and whether it is the value's only option.
struct JavaOptionRemoval {
  Span span;
  bool whole_value = false;
};

struct PropertyRecord {
  enum class Source { kYaml, kProperties, kEnvironment, kJavaOption };
  Source source = Source::kYaml;
  std::string key;      // canonical: dotted, kebab-case, lower case
  std::string parent;   // canonical key of the enclosing map; "" for env and flat files
  std::string spelled;  // the last key as written, e.g. defaultTenant, KESTRA_EE_TENANTS_ENABLED
  std::string written;  // the whole path as written, e.g. kestra.ee.tenants.defaultTenant
  std::string value;    // scalar value; "" when absent or not a scalar
  bool has_scalar_value = false;
  Span key_span;
  Span value_span;
  std::string origin;  // e.g. "compose service kestra > KESTRA_CONFIGURATION"
  // Brought in by a merge key ('<<: *anchor'): its text is the anchored map's,
  // which other maps may share, so no fix edits it.
  bool merged = false;
  // kEnvironment and kJavaOption set in a YAML deployment file: the variable's entry.
  std::optional<EnvironmentEntry> environment_entry;
  std::optional<JavaOptionRemoval> option_removal;  // kJavaOption only
};

struct UriRecord {
  std::string text;  // as written, templates included
  Span span;
  std::string property;  // the key whose value holds it ("" when unknown)
  std::string origin;
  // Code and prose only: does the text around say the URI is Kestra's (a
  // KESTRA_URL base, a kestraFetch call, a file that mentions Kestra)? Unset
  // in YAML, where the base and the route decide alone.
  std::optional<bool> kestra_context;
  // The URI is a literal of its own that a fix may edit; false for templates
  // and concatenations, which only get a suggestion.
  bool whole_literal = true;
};

// A client that takes a base URL and a tenant separately (kestra CLI,
// kestractl, GitHub actions, Terraform, io.kestra.plugin.kestra tasks).
struct ClientSetting {
  std::string client;
  std::string url_key;
  std::string url;
  Span url_span;
  bool has_url = false;
  std::string tenant_key;
  std::string tenant;
  Span tenant_span;
  bool has_tenant = false;
  std::string origin;
};

// A Terraform module's requirement on Kestra's provider (kestra-io/kestra) in
// `required_providers`, when it constrains the version.
struct ProviderRequirement {
  std::string constraint;  // as written: "~> 0.18.0"
  Span constraint_span;
  std::string origin;  // "required_providers > kestra"
};

struct EditionEvidence {
  Edition edition = Edition::kEe;  // kOss or kEe
  std::string description;         // e.g. "image kestra/kestra-ee:latest"
  Span span;
};

// A Kestra version a file shows the installation runs now.
struct VersionEvidence {
  Version version;
  std::string description;  // e.g. "image kestra/kestra:v0.22.3"
  Span span;
};

// A flow expression that reads an environment variable: {{ envs.name }}.
struct EnvRead {
  std::string name;  // as written after "envs."
  Span span;         // of "envs.name"
};

// A scalar a flow task sets: `sql: SELECT 1`, `defaults: "{{ x }}"`.
struct FlowTaskValue {
  std::string key;
  std::string text;
  Span span;  // of the value
};

// A task or trigger of a flow (any map with a `type:`, inputs too), for the
// rules about plugin changes: its type, id, the keys it sets and where its
// type is.
struct FlowTask {
  std::string type;
  std::string id;
  Span span;  // of the type's value
  std::vector<std::string> keys;
  std::vector<FlowTaskValue> values;  // of the keys with a scalar value
};

// A flow scalar holding a {{ }} expression, for the rules about functions
// and variables whose meaning changed.
struct FlowExpression {
  std::string text;  // the scalar's value
  Span span;         // of the scalar
};

// A problem found while reading or parsing (rule yaml-syntax or duplicate-key).
struct FileProblem {
  std::string rule_id;
  std::string message;
  Span span;
  std::string subject;  // what it is about, for the fingerprint (a duplicate key's name)
};

// A YAML comment of an embedded configuration document (a block string read
// as Kestra configuration), where suppression directives work too: the file
// offset of its '#' and its text after the sign, as the file holds it.
struct EmbeddedComment {
  size_t offset = 0;
  std::string text;
};

// A Compose service and its image as written, `${VAR}` interpolation
// included: which hosts are Kestra's, and (once facts read the project's .env)
// edition and version evidence of an interpolated image.
struct ComposeService {
  std::string name;
  std::string image;  // "" when the service sets none (it is built)
  Span image_span;
};

// A variable set by a Compose project's `.env` (the file beside the Compose
// file, which Compose reads for interpolation).
struct DotenvVariable {
  std::string name;
  std::string value;
  Span span;  // of the name
};

struct ScannedFile {
  std::string path;  // as shown to the user
  FileKind kind = FileKind::kOtherYaml;
  SourceText source;
  std::vector<PropertyRecord> properties;
  std::vector<UriRecord> uris;
  std::vector<ClientSetting> clients;
  std::vector<EditionEvidence> evidence;
  std::vector<VersionEvidence> running_versions;
  // Versions of Kestra's Helm chart deployed (Chart.yaml dependencies,
  // helmfile releases, Argo CD Applications): the facts map them to the
  // Kestra version each ships.
  std::vector<VersionEvidence> chart_versions;
  std::vector<FileProblem> problems;
  // Helm values keys of a Kestra chart (key: the path as written), for the
  // chart-migration rules; not Kestra configuration.
  std::vector<PropertyRecord> chart_keys;
  // Second-level keys of the same values (image.image, postgresql.enabled),
  // with their scalar values.
  std::vector<PropertyRecord> chart_subkeys;
  std::vector<EnvRead> env_reads;  // flows only
  std::vector<FlowTask> flow_tasks;
  std::string flow_id;  // a flow's own id: "" elsewhere
  Span flow_id_span;
  std::vector<FlowExpression> flow_expressions;
  std::vector<EmbeddedComment> embedded_comments;
  std::vector<ComposeService> compose_services;
  std::vector<DotenvVariable> dotenv_variables;                   // a file named .env only
  std::vector<ProviderRequirement> kestra_provider_requirements;  // Terraform only
  // Terraform: a `provider "kestra"` block sets tenant_id, to anything.
  bool kestra_provider_tenant_set = false;
};

}  // namespace kestra_lint
