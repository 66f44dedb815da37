#include "pipeline/lint_config.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "base/closest.h"
#include "base/disk.h"
#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "base/source_text.h"
#include "base/tool_input.h"
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

std::string Joined(const std::vector<ConfigProblem>& problems, const std::string& path) {
  std::string text;
  for (const ConfigProblem& problem : problems) {
    if (!text.empty()) text += "\n";
    text += Placed(path, problem.at, problem.message);
  }
  return text;
}

// The schema node that describes `path`, or null.
const nlohmann::json* SchemaAt(const nlohmann::json& schema, const std::vector<std::string>& path) {
  const nlohmann::json* node = &schema;
  for (const std::string& step : path) {
    if (node->contains("properties") && (*node)["properties"].contains(step)) {
      node = &(*node)["properties"][step];
    } else if (node->contains("additionalProperties") &&
               (*node)["additionalProperties"].is_object()) {
      node = &(*node)["additionalProperties"];
    } else if (node->contains("items")) {
      node = &(*node)["items"];
    } else {
      return nullptr;
    }
  }
  return node;
}

// "; allowed: a, b, c" when the setting at `path` takes one of a few words.
std::string AllowedValues(const nlohmann::json& schema, const std::vector<std::string>& path) {
  const nlohmann::json* node = SchemaAt(schema, path);
  if (node == nullptr) return "";
  std::string extra;
  if (node->contains("oneOf")) {
    for (const nlohmann::json& choice : (*node)["oneOf"]) {
      if (choice.contains("enum")) node = &choice;
      if (choice.contains("properties")) {
        extra = ", or a map of";
        for (const auto& [key, value] : choice["properties"].items()) extra += " " + key;
      }
    }
  }
  if (!node->contains("enum")) return "";
  std::string allowed;
  for (const nlohmann::json& value : (*node)["enum"]) {
    allowed += (allowed.empty() ? "" : ", ") + value.get<std::string>();
  }
  return "; allowed: " + allowed + extra;
}

}  // namespace

ConfigError::ConfigError(const std::string& path, Position at, const std::string& message)
    : ConfigError(path, std::vector<ConfigProblem>{{at, message}}) {}

ConfigError::ConfigError(const std::string& path, std::vector<ConfigProblem> problems)
    : std::runtime_error(Joined(problems, path)), problems_(std::move(problems)) {}

LintConfig ParseConfig(const std::string& text, const std::string& path) {
  if (text.size() > kMaxConfigFileSize) {
    throw ConfigError(path, {},
                      std::to_string(text.size()) + " bytes, over the " +
                          std::to_string(kMaxConfigFileSize) + " a settings file may hold");
  }
  const SourceText source(text);
  // The schema validator reads strings as UTF-8 and misbehaves on anything else.
  const size_t invalid = FirstInvalidUtf8(text);
  if (invalid != std::string_view::npos) {
    throw ConfigError(path, source.PositionAt(invalid),
                      "invalid UTF-8 byte sequence; the settings file is UTF-8");
  }
  const YamlParseResult parsed = ParseYaml(text);
  std::vector<ConfigProblem> problems;
  for (const YamlProblem& problem : parsed.problems) {
    problems.push_back(
        {source.PositionAt(problem.offset), problem.kind == YamlProblem::Kind::kSyntax
                                                ? problem.message
                                                : "duplicate key '" + problem.key + "'"});
  }
  if (!problems.empty()) throw ConfigError(path, std::move(problems));
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
  auto position_of = [&](uint32_t node) { return source.PositionAt(document.at(node).offset); };
  // An unknown setting is most often a typo: name the closest one.
  const YamlNode& root = document.at(document.Resolve(document.root));
  std::set<std::string> reported;
  if (root.kind == YamlKind::kMap) {
    std::vector<std::string> known;
    for (const auto& [key, value] : schema["properties"].items()) known.push_back(key);
    for (size_t i = 0; i + 1 < root.children.size(); i += 2) {
      const std::string& key = document.ScalarValue(root.children[i]);
      if (schema["properties"].contains(key)) continue;
      const std::string closest = Closest(key, known);
      problems.push_back({position_of(root.children[i]),
                          "unknown setting '" + key + "'" +
                              (closest.empty() ? "" : "; did you mean '" + closest + "'?")});
      reported.insert(key);
    }
  }
  // One mistake per setting (valijson also reports every enclosing failure),
  // every setting at once.
  std::map<std::string, std::vector<SchemaError>> by_setting;
  for (SchemaError& error : ValidateAgainstSchema(schema, json)) {
    const std::string setting = error.path.empty() ? "" : error.path.front();
    if (reported.count(setting) == 0) by_setting[setting].push_back(std::move(error));
  }
  for (const auto& [setting, errors] : by_setting) {
    // valijson's "failed to validate property X" at the root says again
    // what the property's own error says.
    if (setting.empty() && (!problems.empty() || by_setting.size() > 1)) continue;
    const SchemaError& deepest = DeepestError(errors);
    std::string message = deepest.message;
    const std::string allowed = AllowedValues(schema, deepest.path);
    if (!allowed.empty() && !message.empty() && message.back() == '.') message.pop_back();
    problems.push_back(
        {position_of(NodeAtPath(document, deepest.path)),
         "invalid setting at " + JsonPointer(deepest.path) + ": " + message + allowed});
  }
  if (!problems.empty()) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const ConfigProblem& a, const ConfigProblem& b) {
                       return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
                     });
    throw ConfigError(path, std::move(problems));
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
    // Errors point at the rule id, the key (NodeAtPath gives the value).
    std::map<std::string, Position, std::less<>> rule_positions;
    const uint32_t rules_map = document.Resolve(document.Find(document.root, "rules"));
    if (document.IsMap(rules_map)) {
      const YamlNode& map = document.at(rules_map);
      for (size_t i = 0; i + 1 < map.children.size(); i += 2) {
        rule_positions[document.ScalarValue(map.children[i])] = position_of(map.children[i]);
      }
    }
    for (const auto& [id, value] : json["rules"].items()) {
      RuleConfig rule;
      const auto found = rule_positions.find(id);
      if (found != rule_positions.end()) rule.at = found->second;
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
  // A repository's settings may only name files inside its installation.
  auto inside = [&](const std::string& written, const std::vector<std::string>& at,
                    const char* what) {
    const std::string resolved = Resolve(config.folder, written);
    try {
      CheckInsideFolder(resolved, config.folder, what);
    } catch (const ToolInputError& error) {
      problems.push_back({position_of(NodeAtPath(document, at)), error.what()});
    }
    return resolved;
  };
  const std::vector<std::string> packs = Strings(json, "rulePacks");
  for (size_t i = 0; i < packs.size(); ++i) {
    config.rule_packs.push_back(inside(packs[i], {"rulePacks", std::to_string(i)}, "rule pack"));
  }
  if (json.contains("requireReason")) config.require_reason = json["requireReason"].get<bool>();
  if (json.contains("baseline")) {
    config.baseline = inside(json["baseline"].get<std::string>(), {"baseline"}, "baseline");
  }
  if (!problems.empty()) throw ConfigError(path, std::move(problems));
  return config;
}

LintConfig LoadConfigFile(const std::string& path) {
  const RealDisk disk;
  if (disk.TypeOf(path) == PathType::kMissing) throw ConfigError(path, {}, "no such config file");
  try {
    return ParseConfig(ReadToolInput(disk, path, kMaxConfigFileSize, "settings file"), path);
  } catch (const ToolInputError& error) {
    throw ConfigError(path, {}, error.what());
  }
}

void CheckConfigRuleIds(const LintConfig& config, const RuleSet& rules) {
  // All at once, but a file of thousands of typos need not print them all.
  constexpr size_t kMaxListed = 20;
  std::vector<ConfigProblem> problems;
  size_t unknown = 0;
  for (const auto& [id, rule] : config.rules) {
    if (rules.Find(id) != nullptr || ++unknown > kMaxListed) continue;
    const std::string closest = Closest(id, rules.Ids());
    problems.push_back({rule.at, "unknown rule '" + id + "'" +
                                     (closest.empty() ? " ('kestra-lint rules' lists them)"
                                                      : "; did you mean '" + closest + "'?")});
  }
  if (problems.empty()) return;
  std::stable_sort(problems.begin(), problems.end(),
                   [](const ConfigProblem& a, const ConfigProblem& b) {
                     return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
                   });
  if (unknown > kMaxListed) {
    problems.push_back({{}, "and " + std::to_string(unknown - kMaxListed) + " more unknown rules"});
  }
  throw ConfigError(config.path, std::move(problems));
}

}  // namespace kestra_lint
