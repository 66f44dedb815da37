// A YAML stream loaded into a compact tree that keeps the byte offset of every
// key and value. Built by the fast loader (fast_yaml.h) for the common subset
// of YAML, otherwise from yaml-cpp's event parser: aliases stay references
// (an alias bomb costs one node, not billions), and problems the parser or
// the tree finds (syntax, nesting, duplicate keys) come back as data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kestra_lint {

constexpr uint32_t kNoNode = UINT32_MAX;

enum class YamlKind : uint8_t { kNull, kScalar, kSequence, kMap, kAlias };
enum class ScalarStyle : uint8_t { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct YamlNode {
  YamlKind kind = YamlKind::kNull;
  ScalarStyle style = ScalarStyle::kPlain;
  bool flow = false;
  uint32_t offset = 0;             // where the content starts, after any anchor or tag
  uint32_t target = kNoNode;       // kAlias: the anchored node
  std::string value;               // kScalar: the decoded value
  std::vector<uint32_t> children;  // kMap: key, value, key, value...; kSequence: items
};

struct YamlDocument {
  std::vector<YamlNode> nodes;
  uint32_t root = kNoNode;

  const YamlNode& at(uint32_t index) const { return nodes[index]; }
  // Follows an alias to the node it names; other nodes are returned as is.
  uint32_t Resolve(uint32_t index) const;
  // The value stored under scalar key `key` in map `map`, or kNoNode.
  uint32_t Find(uint32_t map, std::string_view key) const;
  // The scalar value of `index` (after aliases), or "" for anything else.
  const std::string& ScalarValue(uint32_t index) const;
  bool IsMap(uint32_t index) const;
  bool IsSequence(uint32_t index) const;
  bool IsScalar(uint32_t index) const;
};

struct YamlProblem {
  enum class Kind { kSyntax, kDuplicateKey };
  Kind kind = Kind::kSyntax;
  std::string message;
  size_t offset = 0;
  size_t first_offset = 0;  // kDuplicateKey: where the key first appears
  std::string key;          // kDuplicateKey: the key
};

struct YamlParseResult {
  std::vector<YamlDocument> documents;
  std::vector<YamlProblem> problems;
};

// Parses every document of `text`. Never throws: a document that does not
// parse ends the stream with a kSyntax problem at the parser's position.
// Text in the common subset of YAML is loaded by the fast loader
// (fast_yaml.h), anything else by yaml-cpp; both give the same result.
YamlParseResult ParseYaml(std::string_view text);

// The same, always with yaml-cpp: what the fast loader is checked against.
YamlParseResult ParseYamlWithYamlCpp(std::string_view text);

// Appends a kDuplicateKey problem for each scalar key of map `map` that an
// earlier key of the same map already holds (both loaders call it as each
// map ends, so problems come in the same order).
void AppendDuplicateKeyProblems(const YamlDocument& document, uint32_t map,
                                std::vector<YamlProblem>& problems);

}  // namespace kestra_lint
