#include "extract/yaml_extract.h"

#include <algorithm>

#include "extract/property_name.h"

namespace kestra_lint {
namespace {

// Aliases are followed, but an alias bomb must not turn into billions of
// visits: a walk may visit each node of the document this many times.
constexpr size_t kVisitsPerNode = 4;
constexpr size_t kMinVisits = 10000;

class WalkBudget {
 public:
  WalkBudget(ScannedFile& file, const TextView& view, const YamlDocument& document)
      : file_(file),
        view_(view),
        document_(document),
        left_(document.nodes.size() * kVisitsPerNode + kMinVisits) {}

  // False once the budget is spent; reports that once, at `node`.
  bool Visit(uint32_t node) {
    if (left_ > 0) {
      --left_;
      return true;
    }
    if (!reported_) {
      reported_ = true;
      file_.problems.push_back(
          {"yaml-syntax",
           "aliases expand to more nodes than the file holds many times over (alias bomb?); "
           "the rest of this document is not checked",
           NodeSpan(view_, document_.at(node)), ""});
    }
    return false;
  }

 private:
  ScannedFile& file_;
  const TextView& view_;
  const YamlDocument& document_;
  size_t left_;
  bool reported_ = false;
};

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

void WalkConfig(ScannedFile& file, const TextView& view, const YamlDocument& document, uint32_t map,
                const std::string& prefix, const std::string& written_prefix,
                const std::string& origin, WalkBudget& budget) {
  const std::vector<uint32_t>& children = document.at(map).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const YamlNode& key = document.at(children[i]);
    if (key.kind != YamlKind::kScalar || key.value.empty()) continue;
    const uint32_t value_index = document.Resolve(children[i + 1]);
    if (value_index == kNoNode || !budget.Visit(value_index)) continue;
    const YamlNode& value = document.at(value_index);
    PropertyRecord record;
    record.source = PropertyRecord::Source::kYaml;
    record.key = JoinKey(prefix, key.value);
    record.parent = prefix;
    record.spelled = key.value;
    record.written = written_prefix.empty() ? key.value : written_prefix + "." + key.value;
    record.key_span = NodeSpan(view, key);
    record.value_span = NodeSpan(view, document.at(children[i + 1]));
    if (value.kind == YamlKind::kScalar) {
      record.value = value.value;
      record.has_scalar_value = true;
    }
    record.origin = origin;
    const std::string key_path = record.key;
    const std::string written_path = record.written;
    file.properties.push_back(std::move(record));
    if (value.kind == YamlKind::kMap) {
      WalkConfig(file, view, document, value_index, key_path, written_path, origin, budget);
    }
  }
}

void WalkUris(ScannedFile& file, const TextView& view, const YamlDocument& document, uint32_t node,
              const std::string& path, const std::string& origin, WalkBudget& budget) {
  node = document.Resolve(node);
  if (node == kNoNode || !budget.Visit(node)) return;
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
      for (uint32_t child : current.children) {
        WalkUris(file, view, document, child, path, origin, budget);
      }
      break;
    case YamlKind::kMap:
      for (size_t i = 0; i + 1 < current.children.size(); i += 2) {
        const YamlNode& key = document.at(current.children[i]);
        const std::string child_path =
            key.kind == YamlKind::kScalar ? JoinKey(path, key.value) : path;
        WalkUris(file, view, document, current.children[i + 1], child_path, origin, budget);
      }
      break;
    case YamlKind::kNull:
    case YamlKind::kAlias:
      break;
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
  WalkBudget budget(file, view, document);
  WalkConfig(file, view, document, node, prefix, prefix, origin, budget);
}

void ExtractYamlUris(ScannedFile& file, const TextView& view, const YamlDocument& document,
                     uint32_t node, const std::string& path, const std::string& origin) {
  WalkBudget budget(file, view, document);
  WalkUris(file, view, document, node, path, origin, budget);
}

}  // namespace kestra_lint
