#include "extract/yaml_extract.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "extract/property_name.h"

namespace kestra_lint {
namespace {

size_t SourceLength(const YamlNode& node) {
  switch (node.style) {
    case ScalarStyle::kSingleQuoted:
    case ScalarStyle::kDoubleQuoted:
      return node.value.size() + 2;
    case ScalarStyle::kLiteral:
    case ScalarStyle::kFolded:
      return 1;
    case ScalarStyle::kPlain:
      break;
  }
  const size_t newline = node.value.find('\n');
  return newline == std::string::npos ? node.value.size() : newline;
}

bool IsMergeKey(const YamlNode& key) {
  return key.kind == YamlKind::kScalar && key.style == ScalarStyle::kPlain && key.value == "<<";
}

// The maps a merge key's value brings in, first (strongest) first.
std::vector<uint32_t> MergedMaps(const YamlDocument& document, uint32_t value) {
  value = document.Resolve(value);
  if (document.IsMap(value)) return {value};
  std::vector<uint32_t> maps;
  if (!document.IsSequence(value)) return maps;
  for (uint32_t item : document.at(value).children) {
    if (document.IsMap(item)) maps.push_back(document.Resolve(item));
  }
  return maps;
}

struct ConfigWalk {
  ScannedFile& file;
  const TextView& view;
  const YamlDocument& document;
  const std::string& origin;

  // Records the keys of `map`, except those in `shadowed`: a map's own keys
  // win over the ones merge keys ('<<: *anchor') bring in, and an earlier
  // merged map wins over a later one. The tree bounds the recursion: no
  // alias cycles, at most 600 levels through aliases (yaml_tree.cc).
  void Map(uint32_t map, const std::string& prefix, const std::string& written_prefix, bool merged,
           const std::set<std::string_view>& shadowed) {
    const std::vector<uint32_t>& children = document.at(map).children;
    std::vector<uint32_t> merges;
    std::set<std::string_view> written = shadowed;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const YamlNode& key = document.at(children[i]);
      if (IsMergeKey(key)) {
        for (uint32_t merged_map : MergedMaps(document, children[i + 1])) {
          merges.push_back(merged_map);
        }
        continue;
      }
      if (key.kind != YamlKind::kScalar || key.value.empty() || shadowed.count(key.value) != 0) {
        continue;
      }
      written.insert(key.value);
      Entry(key, children[i + 1], prefix, written_prefix, merged);
    }
    for (uint32_t merged_map : merges) {
      Map(merged_map, prefix, written_prefix, true, written);
      const std::vector<uint32_t>& merged_children = document.at(merged_map).children;
      for (size_t i = 0; i + 1 < merged_children.size(); i += 2) {
        const YamlNode& key = document.at(merged_children[i]);
        if (key.kind == YamlKind::kScalar && !IsMergeKey(key)) written.insert(key.value);
      }
    }
  }

  void Entry(const YamlNode& key, uint32_t value_node, const std::string& prefix,
             const std::string& written_prefix, bool merged) {
    const uint32_t value_index = document.Resolve(value_node);
    if (value_index == kNoNode) return;
    const YamlNode& value = document.at(value_index);
    PropertyRecord record;
    record.source = PropertyRecord::Source::kYaml;
    record.key = JoinKey(prefix, key.value);
    record.parent = prefix;
    record.spelled = key.value;
    record.written = written_prefix.empty() ? key.value : written_prefix + "." + key.value;
    record.key_span = NodeSpan(view, key);
    record.value_span = NodeSpan(view, document.at(value_node));
    if (value.kind == YamlKind::kScalar) {
      record.value = value.value;
      record.has_scalar_value = true;
    }
    record.origin = origin;
    record.merged = merged;
    const std::string key_path = record.key;
    const std::string written_path = record.written;
    file.properties.push_back(std::move(record));
    if (value.kind == YamlKind::kMap) Map(value_index, key_path, written_path, merged, {});
  }
};

// Iterative: a sequence of thousands of items next to deep nesting must not
// grow the stack with the items.
void WalkUris(ScannedFile& file, const TextView& view, const YamlDocument& document, uint32_t root,
              const std::string& root_path, const std::string& origin) {
  std::vector<std::pair<uint32_t, std::string>> pending{{root, root_path}};
  while (!pending.empty()) {
    const auto [index, path] = std::move(pending.back());
    pending.pop_back();
    const uint32_t node = document.Resolve(index);
    if (node == kNoNode) continue;
    const YamlNode& current = document.at(node);
    switch (current.kind) {
      case YamlKind::kScalar:
        if (current.value.find("api/v1") != std::string::npos) {
          const ScalarOffsets offsets(view.text(), current);
          ExtractStringUris(
              file, current.value, [&](size_t i) { return view.ToFile(offsets.SourceOffset(i)); },
              path, origin);
        }
        break;
      case YamlKind::kSequence:
        for (auto child = current.children.rbegin(); child != current.children.rend(); ++child) {
          pending.emplace_back(*child, path);
        }
        break;
      case YamlKind::kMap:
        for (size_t i = current.children.size() / 2; i-- > 0;) {
          const YamlNode& key = document.at(current.children[2 * i]);
          pending.emplace_back(
              current.children[2 * i + 1],
              key.kind == YamlKind::kScalar && !IsMergeKey(key) ? JoinKey(path, key.value) : path);
        }
        break;
      case YamlKind::kNull:
      case YamlKind::kAlias:
        break;
    }
  }
}

// yaml-cpp calls a tab in indentation "illegal map value" or the like; the
// user needs to hear about the tab. Offset of a tab in the indentation of the
// line holding `offset`, or npos.
size_t IndentingTab(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t start = offset;
  while (start > 0 && text[start - 1] != '\n') --start;
  for (size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') return i;
  }
  return std::string_view::npos;
}

}  // namespace

Span NodeSpan(const TextView& view, const YamlNode& node) {
  const size_t size = view.text().size();
  const size_t begin = view.ToFile(node.offset);
  if (node.kind != YamlKind::kScalar) return Span{begin, node.offset < size ? begin + 1 : begin};
  // A quoted scalar cut off by the end of the text is shorter than its value says.
  const size_t length = std::min(SourceLength(node), size - std::min<size_t>(size, node.offset));
  if (length == 0) return Span{begin, begin};
  return Span{begin, view.ToFile(node.offset + length - 1) + 1};
}

Span ValueSpan(const TextView& view, const YamlNode& scalar, size_t begin, size_t end) {
  const ScalarOffsets offsets(view.text(), scalar);
  if (end <= begin) {
    const size_t at = view.ToFile(offsets.SourceOffset(begin));
    return Span{at, at};
  }
  return Span{view.ToFile(offsets.SourceOffset(begin)),
              view.ToFile(offsets.SourceOffset(end - 1)) + 1};
}

YamlParseResult LoadYaml(ScannedFile& file, const TextView& view) {
  YamlParseResult result = ParseYaml(view.text());
  for (const YamlProblem& problem : result.problems) {
    const size_t at = view.ToFile(problem.offset);
    if (problem.kind == YamlProblem::Kind::kSyntax) {
      const size_t tab = IndentingTab(view.text(), problem.offset);
      if (tab != std::string_view::npos) {
        const size_t tab_at = view.ToFile(tab);
        file.problems.push_back({"yaml-syntax",
                                 "a tab indents this line, and YAML indentation must be spaces (" +
                                     problem.message + ")",
                                 Span{tab_at, tab_at + 1}, ""});
        continue;
      }
      file.problems.push_back({"yaml-syntax", problem.message, Span{at, at + 1}, ""});
    } else {
      const Position first = file.source.PositionAt(view.ToFile(problem.first_offset));
      file.problems.push_back(
          {"duplicate-key",
           "duplicate key '" + problem.key + "' (first at line " + std::to_string(first.line) +
               "); Kestra uses the last value, other tools the first",
           Span{at, problem.key.empty() ? at
                                        : view.ToFile(problem.offset + problem.key.size() - 1) + 1},
           problem.key});
    }
  }
  return result;
}

void ExtractConfigProperties(ScannedFile& file, const TextView& view, const YamlDocument& document,
                             uint32_t node, const std::string& prefix, const std::string& origin) {
  node = document.Resolve(node);
  if (node == kNoNode || document.at(node).kind != YamlKind::kMap) return;
  ConfigWalk{file, view, document, origin}.Map(node, prefix, prefix, false, {});
}

void ExtractYamlUris(ScannedFile& file, const TextView& view, const YamlDocument& document,
                     uint32_t node, const std::string& path, const std::string& origin) {
  WalkUris(file, view, document, node, path, origin);
}

}  // namespace kestra_lint
