#include "yaml/yaml_json.h"

#include <cerrno>
#include <cstdlib>

namespace kestra_lint {
namespace {

// Bounds the conversion of documents whose aliases expand exponentially.
constexpr int kMaxJsonDepth = 200;

bool IsInteger(const std::string& text) {
  size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  if (i >= text.size()) return false;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

bool IsFloat(const std::string& text) {
  size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  bool digits = false;
  bool dot = false;
  bool exponent = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !dot && !exponent) {
      dot = true;
    } else if ((c == 'e' || c == 'E') && digits && !exponent) {
      exponent = true;
      digits = false;
      if (i + 1 < text.size() && (text[i + 1] == '+' || text[i + 1] == '-')) ++i;
    } else {
      return false;
    }
  }
  return digits;
}

nlohmann::json PlainScalar(const std::string& text) {
  if (text == "null" || text == "Null" || text == "NULL" || text == "~" || text.empty()) {
    return nullptr;
  }
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (IsInteger(text)) {
    errno = 0;
    const long long value = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == 0) return value;
  }
  if (IsFloat(text)) return std::strtod(text.c_str(), nullptr);
  return text;
}

nlohmann::json Convert(const YamlDocument& document, uint32_t index, int depth) {
  index = document.Resolve(index);
  if (index == kNoNode || depth > kMaxJsonDepth) return nullptr;
  const YamlNode& node = document.at(index);
  switch (node.kind) {
    case YamlKind::kScalar:
      return node.style == ScalarStyle::kPlain ? PlainScalar(node.value)
                                               : nlohmann::json(node.value);
    case YamlKind::kSequence: {
      nlohmann::json array = nlohmann::json::array();
      for (uint32_t child : node.children) array.push_back(Convert(document, child, depth + 1));
      return array;
    }
    case YamlKind::kMap: {
      nlohmann::json object = nlohmann::json::object();
      for (size_t i = 0; i + 1 < node.children.size(); i += 2) {
        const std::string& key = document.ScalarValue(node.children[i]);
        if (!object.contains(key)) {
          object[key] = Convert(document, node.children[i + 1], depth + 1);
        }
      }
      return object;
    }
    case YamlKind::kNull:
    case YamlKind::kAlias:
      break;
  }
  return nullptr;
}

}  // namespace

nlohmann::json YamlToJson(const YamlDocument& document, uint32_t node) {
  return Convert(document, node, 0);
}

uint32_t NodeAtPath(const YamlDocument& document, const std::vector<std::string>& path) {
  uint32_t current = document.root;
  for (const std::string& step : path) {
    const uint32_t resolved = document.Resolve(current);
    if (resolved == kNoNode) break;
    const YamlNode& node = document.at(resolved);
    uint32_t next = kNoNode;
    if (node.kind == YamlKind::kMap) {
      for (size_t i = 0; i + 1 < node.children.size(); i += 2) {
        if (document.ScalarValue(node.children[i]) == step) {
          next = node.children[i + 1];
          break;
        }
      }
    } else if (node.kind == YamlKind::kSequence && IsInteger(step) && step[0] != '-') {
      const size_t item = std::strtoul(step.c_str(), nullptr, 10);
      if (item < node.children.size()) next = node.children[item];
    }
    if (next == kNoNode) break;
    current = next;
  }
  return current;
}

}  // namespace kestra_lint
