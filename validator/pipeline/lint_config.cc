#include "pipeline/lint_config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/closest.h"
#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "base/source_text.h"
#include "yaml/yaml_json.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

std::string Placed(const std::string& path, Position at, const std::string& message) {
  if (at.line == 0) return path + ": " + message;
  return path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message;
}

std::string Resolve(const std::string& folder, const std::string& path) {
  if (path.empty() || fs::path(path).is_absolute() || folder.empty()) return path;
  return (fs::path(folder) / path).lexically_normal().generic_string();
}

std::vector<std::string> Strings(const nlohmann::json& json, const char* key) {
  std::vector<std::string> values;
  for (const nlohmann::json& value : json.value(key, nlohmann::json::array())) {
    values.push_back(value.get<std::string>());
  }
  return values;
}

}  // namespace

ConfigError::ConfigError(const std::string& path, Position at, const std::string& message)
    : std::runtime_error(Placed(path, at, message)), at_(at), message_(message) {}

LintConfig ParseConfig(const std::string& text, const std::string& path) {
  const SourceText source(text);
  const YamlParseResult parsed = ParseYaml(text);
  for (const YamlProblem& problem : parsed.problems) {
    throw ConfigError(path, source.PositionAt(problem.offset),
                      problem.kind == YamlProblem::Kind::kSyntax
                          ? problem.message
                          : "duplicate key '" + problem.key + "'");
  }
  LintConfig config;
  config.path = path;
  config.folder = fs::path(path).parent_path().generic_string();
  if (parsed.documents.empty()) return config;
  if (parsed.documents.size() > 1) {
    throw ConfigError(path, source.PositionAt(0), "the config is one YAML document");
  }
  const YamlDocument& document = parsed.documents.front();
  if (document.root == kNoNode || document.at(document.root).kind == YamlKind::kNull) {
    return config;
  }
  const nlohmann::json json = YamlToJson(document, document.root);
  static const nlohmann::json schema =
      nlohmann::json::parse(FindEmbeddedFile("schemas/config.schema.json")->bytes);
  // An unknown setting is most often a typo: name the closest one.
  const YamlNode& root = document.at(document.Resolve(document.root));
  if (root.kind == YamlKind::kMap) {
    std::vector<std::string> known;
    for (const auto& [key, value] : schema["properties"].items()) known.push_back(key);
    for (size_t i = 0; i + 1 < root.children.size(); i += 2) {
      const std::string& key = document.ScalarValue(root.children[i]);
      if (schema["properties"].contains(key)) continue;
      const std::string closest = Closest(key, known);
      throw ConfigError(path, source.PositionAt(document.at(root.children[i]).offset),
                        "unknown setting '" + key + "'" +
                            (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
    }
  }
  const std::vector<SchemaError> errors = ValidateAgainstSchema(schema, json);
  if (!errors.empty()) {
    const SchemaError& deepest = DeepestError(errors);
    const uint32_t node = NodeAtPath(document, deepest.path);
    throw ConfigError(path, source.PositionAt(document.at(node).offset),
                      "invalid setting at " + JsonPointer(deepest.path) + ": " + deepest.message);
  }
  for (const char* key : {"targetVersion", "fromVersion"}) {
    const std::optional<Version> version = Version::Parse(json.value(key, ""));
    if (!version || IsKnownRelease(*version)) continue;
    throw ConfigError(
        path, source.PositionAt(document.at(document.Find(document.root, key)).offset),
        std::string(key) + " '" + version->ToString() +
            "' is not a Kestra release the rule packs know; known: " + KnownReleaseLinesText());
  }
  if (json.contains("rules")) {
    for (const auto& [id, value] : json["rules"].items()) {
      RuleConfig rule;
      // Errors point at the rule id, the key (NodeAtPath gives the value).
      const uint32_t rules_map = document.Find(document.root, "rules");
      const YamlNode& map = document.at(document.Resolve(rules_map));
      for (size_t i = 0; i + 1 < map.children.size(); i += 2) {
        if (document.ScalarValue(map.children[i]) == id) {
          rule.at = source.PositionAt(document.at(map.children[i]).offset);
        }
      }
      if (value.is_string()) {
        const std::string text_value = value.get<std::string>();
        Severity severity = Severity::kError;
        if (text_value == "off")
          rule.enabled = false;
        else if (text_value == "on")
          rule.enabled = true;
        else if (ParseSeverity(text_value, severity))
          rule.severity = severity;
      } else {
        if (value.contains("enabled")) rule.enabled = value["enabled"].get<bool>();
        Severity severity = Severity::kError;
        if (value.contains("severity") &&
            ParseSeverity(value["severity"].get<std::string>(), severity)) {
          rule.severity = severity;
        }
      }
      config.rules[id] = rule;
    }
  }
  config.include = Strings(json, "include");
  config.exclude = Strings(json, "exclude");
  // The schema admits only editions and versions that parse.
  config.edition = ParseRequestedEdition(json.value("edition", ""));
  config.tenant = json.value("tenant", "");
  config.target_version = Version::Parse(json.value("targetVersion", ""));
  config.from_version = Version::Parse(json.value("fromVersion", ""));
  config.fail_on = json.value("failOn", "");
  for (const std::string& pack : Strings(json, "rulePacks")) {
    config.rule_packs.push_back(Resolve(config.folder, pack));
  }
  if (json.contains("requireReason")) config.require_reason = json["requireReason"].get<bool>();
  config.baseline = Resolve(config.folder, json.value("baseline", ""));
  return config;
}

LintConfig LoadConfigFile(const std::string& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) throw ConfigError(path, {}, "no such config file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path, {}, "cannot read the config file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str(), path);
}

void CheckConfigRuleIds(const LintConfig& config, const RuleSet& rules) {
  for (const auto& [id, rule] : config.rules) {
    if (rules.Find(id) != nullptr) continue;
    const std::string closest = Closest(id, rules.Ids());
    throw ConfigError(config.path, rule.at,
                      "unknown rule '" + id + "'" +
                          (closest.empty() ? " ('kestra-lint rules' lists them)"
                                           : "; did you mean '" + closest + "'?"));
  }
}

}  // namespace kestra_lint
