#include "yaml/yaml_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "yaml/fast_yaml.h"

namespace kestra_lint {
namespace {

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// yaml-cpp marks a node where its properties (&anchor, !tag) start; step over
// them to the content, and read the scalar's style from its first character.
size_t SkipNodeProperties(std::string_view text, size_t offset) {
  while (offset < text.size() && (text[offset] == '&' || text[offset] == '!')) {
    while (offset < text.size() && !IsWhitespace(text[offset])) ++offset;
    while (offset < text.size() && IsWhitespace(text[offset])) ++offset;
  }
  return offset;
}

ScalarStyle StyleAt(std::string_view text, size_t offset) {
  if (offset >= text.size()) return ScalarStyle::kPlain;
  switch (text[offset]) {
    case '\'':
      return ScalarStyle::kSingleQuoted;
    case '"':
      return ScalarStyle::kDoubleQuoted;
    case '|':
      return ScalarStyle::kLiteral;
    case '>':
      return ScalarStyle::kFolded;
    default:
      return ScalarStyle::kPlain;
  }
}

// Thrown from the event handler when yaml-cpp keeps emitting nodes without
// reading on: on some malformed flow collections it loops forever.
struct RunawayParser {
  size_t offset;
};

// Valid YAML cannot hold more nodes than a few per byte ("?\n" is two).
constexpr size_t kMaxNodesPerByte = 4;
constexpr size_t kMinNodeBudget = 64;

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, std::vector<YamlProblem>& problems)
      : text_(text),
        problems_(problems),
        nodes_left_(text.size() * kMaxNodesPerByte + kMinNodeBudget) {}

  YamlDocument TakeDocument() { return std::move(document_); }

  // Where the innermost collection still open starts, or npos: the place
  // nesting got too deep when the parser gives up.
  size_t InnermostOpenOffset() const {
    return open_.empty() ? std::string_view::npos : document_.nodes[open_.back()].offset;
  }

  void OnDocumentStart(const YAML::Mark&) override {
    document_ = YamlDocument{};
    open_.clear();
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.kind = YamlKind::kNull;
    // An empty value's mark points at the next token; place it on its key.
    node.offset = PendingKeyOffset(mark);
    Add(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.kind = YamlKind::kAlias;
    node.offset = static_cast<uint32_t>(mark.pos);
    node.target = anchor < anchors_.size() ? anchors_[anchor] : kNoNode;
    Add(std::move(node), YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlKind::kScalar;
    node.offset = static_cast<uint32_t>(SkipNodeProperties(text_, mark.pos));
    node.style = StyleAt(text_, node.offset);
    node.value = value;
    if (node.style == ScalarStyle::kSingleQuoted || node.style == ScalarStyle::kDoubleQuoted) {
      CheckClosingQuote(node.offset);
    }
    Add(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    Open(YamlKind::kSequence, mark, anchor, style);
  }
  void OnSequenceEnd() override { open_.pop_back(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    Open(YamlKind::kMap, mark, anchor, style);
  }
  void OnMapEnd() override {
    AppendDuplicateKeyProblems(document_, open_.back(), problems_);
    open_.pop_back();
  }

 private:
  void Open(YamlKind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    YamlNode node;
    node.kind = kind;
    node.offset = static_cast<uint32_t>(SkipNodeProperties(text_, mark.pos));
    node.flow = style == YAML::EmitterStyle::Flow;
    const uint32_t index = Add(std::move(node), anchor);
    open_.push_back(index);
  }

  uint32_t Add(YamlNode node, YAML::anchor_t anchor) {
    if (nodes_left_-- == 0) throw RunawayParser{node.offset};
    const uint32_t index = static_cast<uint32_t>(document_.nodes.size());
    document_.nodes.push_back(std::move(node));
    if (open_.empty()) {
      document_.root = index;
    } else {
      document_.nodes[open_.back()].children.push_back(index);
    }
    if (anchor != YAML::NullAnchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNoNode);
      anchors_[anchor] = index;
    }
    return index;
  }

  // yaml-cpp ends a quoted scalar cut off by the end of the text without a
  // word (`url: "http://…` to the end of the file).
  void CheckClosingQuote(size_t open) {
    const char quote = text_[open];
    for (size_t i = open + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;
          continue;
        }
        return;
      }
    }
    problems_.push_back({YamlProblem::Kind::kSyntax,
                         "this quoted string has no closing quote before the end of the file", open,
                         0, ""});
  }

  uint32_t PendingKeyOffset(const YAML::Mark& mark) const {
    if (!open_.empty()) {
      const YamlNode& parent = document_.nodes[open_.back()];
      if (parent.kind == YamlKind::kMap && parent.children.size() % 2 == 1) {
        return document_.nodes[parent.children.back()].offset;
      }
    }
    return static_cast<uint32_t>(std::min<size_t>(mark.pos, text_.size()));
  }

  std::string_view text_;
  std::vector<YamlProblem>& problems_;
  YamlDocument document_;
  std::vector<uint32_t> open_;
  std::vector<uint32_t> anchors_;
  size_t nodes_left_;
};

size_t MarkOffset(const YAML::Mark& mark, std::string_view text) {
  if (mark.is_null() || mark.pos < 0) return 0;
  return std::min<size_t>(static_cast<size_t>(mark.pos), text.size());
}

// yaml-cpp reads a text that starts with a NUL byte or a UTF-16 byte order
// mark as UTF-16 or UTF-32 and counts positions in the converted text, which
// then point past the end (found by fuzzing). No YAML text holds a NUL byte.
std::optional<YamlProblem> NotUtf8Text(std::string_view text) {
  const size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    return YamlProblem{YamlProblem::Kind::kSyntax, "NUL byte: a YAML text cannot hold one", nul, 0,
                       ""};
  }
  if (text.substr(0, 2) == "\xFE\xFF" || text.substr(0, 2) == "\xFF\xFE") {
    return YamlProblem{YamlProblem::Kind::kSyntax,
                       "UTF-16 byte order mark: YAML is read here as UTF-8", 0, 0, ""};
  }
  return std::nullopt;
}

YamlParseResult LoadWithYamlCpp(std::string_view text) {
  YamlParseResult result;
  if (std::optional<YamlProblem> problem = NotUtf8Text(text)) {
    result.problems.push_back(std::move(*problem));
    return result;
  }
  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  TreeBuilder builder(text, result.problems);
  try {
    while (parser.HandleNextDocument(builder)) {
      YamlDocument document = builder.TakeDocument();
      if (document.root != kNoNode) result.documents.push_back(std::move(document));
    }
  } catch (const YAML::DeepRecursion& error) {
    const size_t innermost = builder.InnermostOpenOffset();
    result.problems.push_back(
        {YamlProblem::Kind::kSyntax, "nesting is deeper than the YAML parser allows (500 levels)",
         innermost != std::string_view::npos ? innermost : MarkOffset(error.mark, text), 0, ""});
  } catch (const YAML::Exception& error) {
    result.problems.push_back(
        {YamlProblem::Kind::kSyntax, error.msg, MarkOffset(error.mark, text), 0, ""});
  } catch (const RunawayParser& runaway) {
    result.problems.push_back({YamlProblem::Kind::kSyntax,
                               "malformed YAML that sends the parser into a loop; the rest of "
                               "the file is not checked",
                               std::min(runaway.offset, text.size()), 0, ""});
  } catch (const std::exception& error) {
    result.problems.push_back({YamlProblem::Kind::kSyntax, error.what(), 0, 0, ""});
  }
  return result;
}

// yaml-cpp drops a UTF-8 byte order mark and counts positions after it; so
// does the fast loader, and both results are shifted back.
YamlParseResult LoadAfterByteOrderMark(std::string_view full_text, bool try_fast) {
  const size_t bom = full_text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view text = full_text.substr(bom);
  std::optional<YamlParseResult> fast;
  if (try_fast) fast = ParseYamlFast(text);
  YamlParseResult result = fast ? std::move(*fast) : LoadWithYamlCpp(text);
  if (bom != 0) {
    for (YamlDocument& document : result.documents) {
      for (YamlNode& node : document.nodes) node.offset += bom;
    }
    for (YamlProblem& problem : result.problems) {
      problem.offset += bom;
      problem.first_offset += bom;
    }
  }
  return result;
}

// Every walk over a loaded document follows aliases. Checked once here, so
// that no walk needs its own guard: an alias that refers to a node holding
// it is cut (a walk would never end), and the nodes and levels reached
// through aliases are bounded in proportion to the text, across all its
// documents (an alias bomb of a few bytes would cost gigabytes and hours).
constexpr uint64_t kExpandedNodesPerByte = 4;
constexpr uint64_t kMinExpandedNodes = 100000;
constexpr uint32_t kMaxExpandedDepth = 600;

struct Expansion {
  uint64_t nodes = 0;
  uint32_t depth = 0;
};

// Sizes of every node of `document` as a walk that follows aliases sees
// them. Cuts recursive aliases (target = kNoNode) and reports them.
std::vector<Expansion> ExpandAliases(YamlDocument& document, std::vector<YamlProblem>& problems) {
  constexpr uint64_t kSaturated = UINT64_MAX / 4;
  enum : uint8_t { kUnseen, kOpen, kDone };
  std::vector<Expansion> expansion(document.nodes.size());
  std::vector<uint8_t> state(document.nodes.size(), kUnseen);
  struct Frame {
    uint32_t node;
    size_t next;
  };
  std::vector<Frame> stack;
  if (document.root == kNoNode) return expansion;
  stack.push_back({document.root, 0});
  state[document.root] = kOpen;
  while (!stack.empty()) {
    Frame& frame = stack.back();
    YamlNode& node = document.nodes[frame.node];
    const size_t edges =
        node.kind == YamlKind::kAlias ? (node.target == kNoNode ? 0 : 1) : node.children.size();
    if (frame.next < edges) {
      const uint32_t child =
          node.kind == YamlKind::kAlias ? node.target : node.children[frame.next];
      ++frame.next;
      if (state[child] == kOpen) {
        problems.push_back({YamlProblem::Kind::kSyntax,
                            "this alias refers to a node that holds it (a recursive structure); "
                            "it is not followed",
                            node.offset, 0, ""});
        node.target = kNoNode;
      } else if (state[child] == kUnseen) {
        state[child] = kOpen;
        stack.push_back({child, 0});
      }
      continue;
    }
    Expansion& own = expansion[frame.node];
    if (node.kind == YamlKind::kAlias) {
      if (node.target != kNoNode) own = expansion[node.target];
      own.nodes = std::min(own.nodes + 1, kSaturated);
    } else {
      own.nodes = 1;
      for (uint32_t child : node.children) {
        own.nodes = std::min(own.nodes + expansion[child].nodes, kSaturated);
        own.depth = std::max(own.depth, expansion[child].depth);
      }
      ++own.depth;
    }
    state[frame.node] = kDone;
    stack.pop_back();
  }
  return expansion;
}

// The alias that expands the most: where an alias bomb is reported.
size_t LargestAliasOffset(const YamlDocument& document, const std::vector<Expansion>& expansion) {
  size_t offset = 0;
  uint64_t largest = 0;
  for (size_t i = 0; i < document.nodes.size(); ++i) {
    const YamlNode& node = document.nodes[i];
    if (node.kind == YamlKind::kAlias && expansion[i].nodes > largest) {
      largest = expansion[i].nodes;
      offset = node.offset;
    }
  }
  return offset;
}

void BoundAliases(size_t text_size, YamlParseResult& result) {
  const uint64_t budget = text_size * kExpandedNodesPerByte + kMinExpandedNodes;
  const std::string bomb =
      " (" + std::to_string(kExpandedNodesPerByte) + " per byte) (alias bomb?)";
  uint64_t spent = 0;
  bool rescued = false;
  for (size_t i = 0; i < result.documents.size(); ++i) {
    YamlDocument& document = result.documents[i];
    std::vector<Expansion> expansion = ExpandAliases(document, result.problems);
    if (document.root == kNoNode) continue;
    const size_t largest = LargestAliasOffset(document, expansion);
    // Once per text, the rest of a document is saved by no longer following
    // the aliases that expand most (a document of the bomb and real keys).
    if (!rescued && spent + expansion[document.root].nodes > budget &&
        expansion[document.root].depth <= kMaxExpandedDepth) {
      rescued = true;
      const uint64_t cut_above = std::max<uint64_t>((budget - std::min(spent, budget)) / 16, 1);
      for (size_t n = 0; n < document.nodes.size(); ++n) {
        if (document.nodes[n].kind == YamlKind::kAlias && expansion[n].nodes > cut_above) {
          document.nodes[n].target = kNoNode;
        }
      }
      expansion = ExpandAliases(document, result.problems);
      if (spent + expansion[document.root].nodes <= budget) {
        spent += expansion[document.root].nodes;
        result.problems.push_back({YamlProblem::Kind::kSyntax,
                                   "aliases expand this file to more than " +
                                       std::to_string(budget) + " nodes" + bomb +
                                       "; the aliases that expand most are not followed",
                                   largest, 0, ""});
        continue;
      }
    }
    const Expansion& whole = expansion[document.root];
    spent += whole.nodes;
    const bool too_many = spent > budget;
    if (!too_many && whole.depth <= kMaxExpandedDepth) continue;
    result.problems.push_back(
        {YamlProblem::Kind::kSyntax,
         (too_many
              ? "aliases expand this file to more than " + std::to_string(budget) + " nodes" + bomb
              : "aliases nest this document deeper than " + std::to_string(kMaxExpandedDepth) +
                    " levels (alias bomb?)") +
             "; this document and the ones after it are not checked",
         largest, 0, ""});
    result.documents.resize(i);
    return;
  }
}

}  // namespace

void AppendDuplicateKeyProblems(const YamlDocument& document, uint32_t map,
                                std::vector<YamlProblem>& problems) {
  const YamlNode& node = document.nodes[map];
  if (node.children.size() < 4) return;
  std::unordered_map<std::string_view, uint32_t> first_offset;
  for (size_t i = 0; i + 1 < node.children.size(); i += 2) {
    const YamlNode& key = document.nodes[node.children[i]];
    if (key.kind != YamlKind::kScalar) continue;
    const auto [it, inserted] = first_offset.emplace(key.value, key.offset);
    if (!inserted) {
      YamlProblem problem;
      problem.kind = YamlProblem::Kind::kDuplicateKey;
      problem.offset = key.offset;
      problem.first_offset = it->second;
      problem.key = key.value;
      problems.push_back(std::move(problem));
    }
  }
}

YamlParseResult ParseYaml(std::string_view text) {
  YamlParseResult result = LoadAfterByteOrderMark(text, true);
  BoundAliases(text.size(), result);
  return result;
}

YamlParseResult ParseYamlWithYamlCpp(std::string_view text) {
  YamlParseResult result = LoadAfterByteOrderMark(text, false);
  BoundAliases(text.size(), result);
  return result;
}

uint32_t YamlDocument::Resolve(uint32_t index) const {
  if (index == kNoNode) return kNoNode;
  const YamlNode& node = nodes[index];
  return node.kind == YamlKind::kAlias ? node.target : index;
}

uint32_t YamlDocument::Find(uint32_t map, std::string_view key) const {
  map = Resolve(map);
  if (map == kNoNode || nodes[map].kind != YamlKind::kMap) return kNoNode;
  const std::vector<uint32_t>& children = nodes[map].children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const YamlNode& k = nodes[children[i]];
    if (k.kind == YamlKind::kScalar && k.value == key) return children[i + 1];
  }
  return kNoNode;
}

const std::string& YamlDocument::ScalarValue(uint32_t index) const {
  static const std::string kEmpty;
  index = Resolve(index);
  if (index == kNoNode || nodes[index].kind != YamlKind::kScalar) return kEmpty;
  return nodes[index].value;
}

bool YamlDocument::IsMap(uint32_t index) const {
  index = Resolve(index);
  return index != kNoNode && nodes[index].kind == YamlKind::kMap;
}
bool YamlDocument::IsSequence(uint32_t index) const {
  index = Resolve(index);
  return index != kNoNode && nodes[index].kind == YamlKind::kSequence;
}
bool YamlDocument::IsScalar(uint32_t index) const {
  index = Resolve(index);
  return index != kNoNode && nodes[index].kind == YamlKind::kScalar;
}

}  // namespace kestra_lint
