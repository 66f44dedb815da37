#include "rules/rule_pack.h"

#include <algorithm>
#include <filesystem>
#include <functional>

#include "base/disk.h"
#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "base/sha256.h"
#include "base/source_text.h"
#include "base/tool_input.h"
#include "rules/rule_properties.h"
#include "yaml/yaml_json.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {
namespace {

const nlohmann::json& RulePackSchema() {
  static const nlohmann::json schema = [] {
    const EmbeddedFile* file = FindEmbeddedFile("schemas/rule-pack.schema.json");
    return nlohmann::json::parse(file->bytes);
  }();
  return schema;
}

RulePackError ErrorAt(const std::string& source, const SourceText& text, size_t offset,
                      const std::string& message) {
  const Position position = text.PositionAt(offset);
  return RulePackError(source + ":" + std::to_string(position.line) + ":" +
                       std::to_string(position.column) + ": " + message);
}

Edition ParseEdition(const std::string& text) {
  if (text == "oss") return Edition::kOss;
  if (text == "ee") return Edition::kEe;
  return Edition::kUnknown;
}

Condition ParseCondition(const nlohmann::json& when) {
  Condition condition;
  if (when.contains("edition"))
    condition.edition = ParseEdition(when["edition"].get<std::string>());
  if (when.contains("fallbackTenant"))
    condition.fallback_tenant = when["fallbackTenant"].get<bool>();
  if (when.contains("tenantlessData"))
    condition.tenantless_data = when["tenantlessData"].get<bool>();
  if (when.contains("basicAuth")) condition.basic_auth = when["basicAuth"].get<bool>();
  if (when.contains("values")) condition.values = StringList(when, "values");
  return condition;
}

RuleDefinition ParseDefinition(const nlohmann::json& entry, const std::string& pack,
                               std::shared_ptr<const nlohmann::json> pack_data) {
  RuleDefinition definition;
  definition.id = entry["id"].get<std::string>();
  definition.type = entry["type"].get<std::string>();
  definition.pack = pack;
  definition.title = entry["title"].get<std::string>();
  definition.message = entry["message"].get<std::string>();
  definition.suggestion = StringOr(entry, "suggestion", "");
  ParseSeverity(entry["severity"].get<std::string>(), definition.severity);
  for (const nlohmann::json& option : entry.value("severityWhen", nlohmann::json::array())) {
    Severity severity = Severity::kError;
    ParseSeverity(option["severity"].get<std::string>(), severity);
    definition.severity_when.push_back({ParseCondition(option["when"]), severity});
  }
  for (const nlohmann::json& option : entry.value("messageWhen", nlohmann::json::array())) {
    definition.message_when.push_back(
        {ParseCondition(option["when"]), option["text"].get<std::string>()});
  }
  for (const nlohmann::json& option : entry.value("suggestions", nlohmann::json::array())) {
    definition.suggestions.push_back(
        {ParseCondition(option["when"]), option["text"].get<std::string>()});
  }
  if (entry.contains("since")) definition.since = Version::Parse(entry["since"].get<std::string>());
  if (entry.contains("alreadyIgnored")) {
    definition.already_ignored_message = entry["alreadyIgnored"]["message"].get<std::string>();
    definition.already_ignored_suggestion = StringOr(entry["alreadyIgnored"], "suggestion", "");
  }
  if (entry.contains("until")) definition.until = Version::Parse(entry["until"].get<std::string>());
  definition.edition = ParseEdition(StringOr(entry, "edition", "any"));
  definition.docs = StringOr(entry, "docs", "");
  definition.entry = entry;
  definition.pack_data = std::move(pack_data);
  return definition;
}

}  // namespace

const Rule* RuleSet::Find(std::string_view id) const {
  for (const auto& rule : rules) {
    if (rule->id() == id) return rule.get();
  }
  return nullptr;
}

std::vector<std::string> RuleSet::Ids() const {
  std::vector<std::string> ids;
  for (const auto& rule : rules) ids.push_back(rule->id());
  return ids;
}

namespace {

// The error for a pack's rule entry: a YAML pack knows each entry's line and
// column, a built-in pack compiled to JSON only the entry's number.
using EntryError = std::function<RulePackError(size_t entry, const std::string& message)>;

void RegisterPack(const nlohmann::json& pack, RulePackInfo info, RuleSet& rules,
                  const EntryError& error_at_entry) {
  info.id = pack["id"].get<std::string>();
  info.version = pack["version"].get<std::string>();
  info.title = pack["title"].get<std::string>();
  for (const RulePackInfo& existing : rules.packs) {
    if (existing.id == info.id) {
      throw RulePackError(info.source + ":1:1: rule pack '" + info.id +
                          "' is already loaded from " + existing.source);
    }
  }
  const auto data =
      std::make_shared<const nlohmann::json>(pack.value("data", nlohmann::json::object()));
  const nlohmann::json& entries = pack["rules"];
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string id = entries[i]["id"].get<std::string>();
    if (rules.Find(id) != nullptr)
      throw error_at_entry(i, "rule id '" + id + "' is already defined");
    const std::string type_name = entries[i]["type"].get<std::string>();
    const auto type = RuleTypes().find(type_name);
    if (type == RuleTypes().end()) throw error_at_entry(i, "unknown rule type '" + type_name + "'");
    try {
      rules.rules.push_back(type->second(ParseDefinition(entries[i], info.id, data)));
    } catch (const std::invalid_argument& error) {
      throw error_at_entry(i, "rule '" + id + "': " + error.what());
    }
  }
  for (UpgradeStep& step : ParseUpgradeSteps(*data, info.id)) {
    rules.upgrade_steps.push_back(std::move(step));
  }
  rules.packs.push_back(std::move(info));
}

}  // namespace

void LoadRulePack(std::string_view text, const std::string& source, RuleSet& rules) {
  const SourceText source_text{std::string(text)};
  // The schema validator reads strings as UTF-8 and misbehaves on anything else.
  const size_t invalid = FirstInvalidUtf8(text);
  if (invalid != std::string_view::npos) {
    throw ErrorAt(source, source_text, invalid,
                  "invalid UTF-8 byte sequence; rule packs are UTF-8");
  }
  const YamlParseResult parsed = ParseYaml(text);
  for (const YamlProblem& problem : parsed.problems) {
    throw ErrorAt(source, source_text, problem.offset,
                  problem.kind == YamlProblem::Kind::kSyntax
                      ? problem.message
                      : "duplicate key '" + problem.key + "'");
  }
  if (parsed.documents.size() != 1) {
    throw ErrorAt(source, source_text, 0, "a rule pack is exactly one YAML document");
  }
  const YamlDocument& document = parsed.documents.front();
  // Say nothing of the content of a file that is no rule pack at all: a
  // setting may name any file.
  if (document.Find(document.root, "rules") == kNoNode) {
    throw ErrorAt(source, source_text, 0, "not a rule pack (no top-level 'rules' list)");
  }
  const nlohmann::json pack = YamlToJson(document, document.root);
  const std::vector<SchemaError> errors = ValidateAgainstSchema(RulePackSchema(), pack);
  if (!errors.empty()) {
    const SchemaError& deepest = DeepestError(errors);
    const uint32_t node = NodeAtPath(document, deepest.path);
    throw ErrorAt(source, source_text, document.at(node).offset,
                  "invalid rule pack at " + JsonPointer(deepest.path) + ": " + deepest.message);
  }
  RulePackInfo info;
  info.sha256 = Sha256Hex(text);
  info.source = source;
  RegisterPack(pack, std::move(info), rules, [&](size_t entry, const std::string& message) {
    const uint32_t node = NodeAtPath(document, {"rules", std::to_string(entry)});
    return ErrorAt(source, source_text, document.at(node).offset, message);
  });
}

// The built-in packs skip YAML parsing and schema validation at run time
// (together most of a cold start): the build converts them to JSON
// (validator/tools/pack_to_json.cc) and tests/builtin_packs_test.cc validates
// them and checks that both forms give the same rules.
// Where the build puts a compiled pack: packs/<name of the YAML file>.json.
constexpr std::string_view kCompiledPackDir = "packs/";
constexpr std::string_view kCompiledPackExtension = ".json";

RuleSet LoadBuiltinRules() {
  RuleSet rules;
  std::vector<const EmbeddedFile*> packs;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.name.rfind(kCompiledPackDir, 0) == 0) packs.push_back(&file);
  }
  std::sort(packs.begin(), packs.end(),
            [](const EmbeddedFile* a, const EmbeddedFile* b) { return a->name < b->name; });
  for (const EmbeddedFile* file : packs) {
    const nlohmann::json compiled = nlohmann::json::parse(file->bytes);
    // Named by the YAML file it was made from, as packs given with --rules are.
    const std::string stem =
        file->name.substr(kCompiledPackDir.size(), file->name.size() - kCompiledPackDir.size() -
                                                       kCompiledPackExtension.size());
    const std::string source = "rules/" + stem + ".yaml";
    RulePackInfo info;
    info.sha256 = compiled["sha256"].get<std::string>();
    info.source = source;
    RegisterPack(
        compiled["pack"], std::move(info), rules, [&](size_t entry, const std::string& message) {
          return RulePackError(source + ": rule " + std::to_string(entry + 1) + ": " + message);
        });
  }
  return rules;
}

namespace {

constexpr std::string_view kPreviewPackPrefix = "rules/preview/kestra-";
constexpr std::string_view kPreviewPackSuffix = "-preview.yaml";

std::string PreviewPackName(std::string_view version) {
  return std::string(kPreviewPackPrefix) + std::string(version) + std::string(kPreviewPackSuffix);
}

}  // namespace

std::vector<std::string> PreviewVersions() {
  std::vector<std::string> versions;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    const std::string_view name = file.name;
    if (name.size() > kPreviewPackPrefix.size() + kPreviewPackSuffix.size() &&
        name.substr(0, kPreviewPackPrefix.size()) == kPreviewPackPrefix &&
        name.substr(name.size() - kPreviewPackSuffix.size()) == kPreviewPackSuffix) {
      versions.emplace_back(
          name.substr(kPreviewPackPrefix.size(),
                      name.size() - kPreviewPackPrefix.size() - kPreviewPackSuffix.size()));
    }
  }
  std::sort(versions.begin(), versions.end());
  return versions;
}

void LoadRulePackPath(const std::string& path, RuleSet& rules) {
  namespace fs = std::filesystem;
  if (path.rfind(kPreviewPackScheme, 0) == 0) {
    const std::string name = PreviewPackName(path.substr(kPreviewPackScheme.size()));
    const EmbeddedFile* pack = FindEmbeddedFile(name);
    if (pack == nullptr) throw RulePackError(path + ": no such preview pack");
    LoadRulePack(pack->bytes, name, rules);
    return;
  }
  std::error_code error;
  std::vector<std::string> files;
  if (fs::is_directory(path, error)) {
    for (const auto& entry : fs::directory_iterator(path, error)) {
      const std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml")) {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw RulePackError(path + ": no *.yaml rule packs in this directory");
  } else {
    files.push_back(path);
  }
  for (const std::string& file : files) {
    std::string text;
    try {
      text = ReadToolInput(RealDisk(), file, kMaxRulePackSize, "rule pack");
    } catch (const ToolInputError& read_error) {
      throw RulePackError(file + ": " + read_error.what());
    }
    LoadRulePack(text, file, rules);
  }
}

}  // namespace kestra_lint
