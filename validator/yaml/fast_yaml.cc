// The fast loader (see fast_yaml.h). One file of about 600 lines on purpose:
// its scalar, key and block readers share one cursor and one set of give-up
// rules, and the differential test and fuzz target compare it to yaml-cpp as
// a whole.
#include "yaml/fast_yaml.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace kestra_lint {
namespace {

// Thrown inside the loader when the text leaves the subset; never escapes
// ParseYamlFast.
struct OutsideSubset {};

[[noreturn]] void GiveUp() { throw OutsideSubset{}; }

// Real files nest a dozen levels; deeper ones go to yaml-cpp and its limit.
constexpr int kMaxFastPathDepth = 100;
// YAML limits implicit keys to 1024 characters; stay clear of the edge.
constexpr size_t kMaxKeyBytes = 1000;

// Printable ASCII, line feeds and well-formed UTF-8, without the characters
// yaml-cpp reads specially: tabs, CR, C0 and C1 controls (NEL), LS, PS, byte
// order marks and non-characters.
bool HasOnlyPlainCharacters(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    const unsigned lead = bytes[i];
    if (lead < 0x80) {
      if ((lead < 0x20 && lead != '\n') || lead == 0x7F) return false;
      ++i;
      continue;
    }
    size_t length = 0;
    unsigned code = 0;
    unsigned smallest = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2, code = lead & 0x1F, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, code = lead & 0x0F, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, code = lead & 0x07, smallest = 0x10000;
    } else {
      return false;
    }
    if (length > size - i) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return false;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    if (code < 0xA0 || code == 0x2028 || code == 0x2029 || code == 0xFEFF || code == 0xFFFE ||
        code == 0xFFFF) {
      return false;
    }
    i += length;
  }
  return true;
}

// Plain scalars yaml-cpp turns into null events.
bool IsNullWord(std::string_view value) {
  return value == "~" || value == "null" || value == "Null" || value == "NULL";
}

struct KeyToken {
  size_t offset = 0;
  size_t after_colon = 0;
  ScalarStyle style = ScalarStyle::kPlain;
  std::string value;
};

class FastLoader {
 public:
  explicit FastLoader(std::string_view text) : text_(text), size_(text.size()) {}

  YamlParseResult Load() {
    YamlParseResult result;
    SkipToContent();
    while (pos_ < size_) {
      if (AtDocumentMarker(pos_)) {
        if (text_[pos_] == '.') GiveUp();
        pos_ = SkipSpaces(pos_ + 3);
        if (pos_ < size_ && text_[pos_] != '\n' && text_[pos_] != '#') GiveUp();
        SkipToContent();
        if (pos_ >= size_ || AtDocumentMarker(pos_)) GiveUp();  // an empty document
      }
      document_ = YamlDocument{};
      ParseCollection(kNoNode, 0);
      if (pos_ < size_ && !AtDocumentMarker(pos_)) GiveUp();
      result.documents.push_back(std::move(document_));
    }
    result.problems = std::move(problems_);
    return result;
  }

 private:
  bool At(size_t pos, char c) const { return pos < size_ && text_[pos] == c; }
  bool BlankOrEnd(size_t pos) const {
    return pos >= size_ || text_[pos] == ' ' || text_[pos] == '\n';
  }
  size_t Column(size_t pos) const { return pos - line_start_; }
  size_t SkipSpaces(size_t pos) const {
    while (pos < size_ && text_[pos] == ' ') ++pos;
    return pos;
  }
  size_t LineEnd(size_t pos) const {
    const void* found = std::memchr(text_.data() + pos, '\n', size_ - pos);
    return found ? static_cast<size_t>(static_cast<const char*>(found) - text_.data()) : size_;
  }
  bool AtSequenceEntry(size_t pos) const { return At(pos, '-') && BlankOrEnd(pos + 1); }
  bool AtDocumentMarker(size_t pos) const {
    return Column(pos) == 0 && size_ - pos >= 3 &&
           (text_.compare(pos, 3, "---") == 0 || text_.compare(pos, 3, "...") == 0) &&
           BlankOrEnd(pos + 3);
  }

  // Moves pos_ over spaces, comments and line breaks to the next content or
  // the end.
  void SkipToContent() {
    for (;;) {
      pos_ = SkipSpaces(pos_);
      if (pos_ >= size_) return;
      if (text_[pos_] == '#') {
        pos_ = LineEnd(pos_);
        continue;
      }
      if (text_[pos_] != '\n') return;
      ++pos_;
      line_start_ = pos_;
    }
  }

  uint32_t AddNode(YamlKind kind, size_t offset, uint32_t parent) {
    const uint32_t index = static_cast<uint32_t>(document_.nodes.size());
    YamlNode& node = document_.nodes.emplace_back();
    node.kind = kind;
    node.offset = static_cast<uint32_t>(offset);
    if (parent == kNoNode) {
      document_.root = index;
    } else {
      document_.nodes[parent].children.push_back(index);
    }
    return index;
  }

  void AddScalar(uint32_t parent, size_t offset, ScalarStyle style, std::string value) {
    const uint32_t index = AddNode(YamlKind::kScalar, offset, parent);
    document_.nodes[index].style = style;
    document_.nodes[index].value = std::move(value);
  }

  // yaml-cpp places a null map value on its key (see yaml_tree.cc).
  size_t NullOffset(uint32_t parent, size_t mark) const {
    const YamlNode& node = document_.nodes[parent];
    if (node.kind == YamlKind::kMap && node.children.size() % 2 == 1) {
      return document_.nodes[node.children.back()].offset;
    }
    return mark;
  }

  bool CanStartPlain(size_t pos) const {
    switch (text_[pos]) {
      case '[':
      case ']':
      case '{':
      case '}':
      case ',':
      case '#':
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case '\'':
      case '"':
      case '%':
      case '@':
      case '`':
      case '?':
      case ':':
        return false;
      case '-':
        return !BlankOrEnd(pos + 1);
      default:
        return true;
    }
  }

  // A quoted scalar closed on its own line, decoded into `value`; returns the
  // position after the closing quote, or npos. Multi-line scalars and the
  // rarer escapes are left to yaml-cpp.
  size_t ScanQuoted(size_t pos, std::string& value) const {
    const char quote = text_[pos];
    const bool single = quote == '\'';
    size_t i = pos + 1;
    for (;;) {
      size_t run = i;
      while (run < size_ && text_[run] != quote && text_[run] != '\n' &&
             (single || text_[run] != '\\')) {
        ++run;
      }
      value.append(text_.data() + i, run - i);
      if (run >= size_ || text_[run] == '\n') return std::string_view::npos;
      if (text_[run] == quote) {
        if (single && At(run + 1, '\'')) {
          value += '\'';
          i = run + 2;
          continue;
        }
        // yaml-cpp's clipping may drop an escaped final line break.
        if (!value.empty() && value.back() == '\n') return std::string_view::npos;
        return run + 1;
      }
      const char escaped = run + 1 < size_ ? text_[run + 1] : '\n';
      const char* decoded = nullptr;
      switch (escaped) {
        case '0':
          value += '\0';
          break;
        case 'a':
          decoded = "\a";
          break;
        case 'b':
          decoded = "\b";
          break;
        case 't':
          decoded = "\t";
          break;
        case 'n':
          decoded = "\n";
          break;
        case 'v':
          decoded = "\v";
          break;
        case 'f':
          decoded = "\f";
          break;
        case 'r':
          decoded = "\r";
          break;
        case 'e':
          decoded = "\x1b";
          break;
        case ' ':
          decoded = " ";
          break;
        case '"':
          decoded = "\"";
          break;
        case '\'':
          decoded = "'";
          break;
        case '\\':
          decoded = "\\";
          break;
        case '/':
          decoded = "/";
          break;
        default:
          return std::string_view::npos;
      }
      if (decoded != nullptr) value += decoded;
      i = run + 2;
    }
  }

  // A key on one line at `pos`: plain or quoted, then `:` and a blank.
  std::optional<KeyToken> ScanKey(size_t pos) const {
    KeyToken key;
    key.offset = pos;
    const char first = text_[pos];
    if (first == '"' || first == '\'') {
      const size_t end = ScanQuoted(pos, key.value);
      if (end == std::string_view::npos || end - pos > kMaxKeyBytes || !At(end, ':') ||
          !BlankOrEnd(end + 1)) {
        return std::nullopt;
      }
      key.style = first == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted;
      key.after_colon = end + 1;
      return key;
    }
    if (!CanStartPlain(pos) || text_.compare(pos, 3, "---") == 0 ||
        text_.compare(pos, 3, "...") == 0) {
      return std::nullopt;
    }
    size_t i = pos;
    while (i < size_ && text_[i] != '\n') {
      if (text_[i] == ':' && BlankOrEnd(i + 1)) break;
      if (text_[i] == '#' && text_[i - 1] == ' ') return std::nullopt;
      ++i;
    }
    if (i >= size_ || text_[i] != ':') return std::nullopt;
    size_t end = i;
    while (text_[end - 1] == ' ') --end;
    if (end - pos > kMaxKeyBytes) return std::nullopt;
    key.value.assign(text_.data() + pos, end - pos);
    if (IsNullWord(key.value)) return std::nullopt;
    key.after_colon = i + 1;
    return key;
  }

  // A block collection whose first entry starts at pos_.
  void ParseCollection(uint32_t parent, int depth) {
    if (AtSequenceEntry(pos_)) {
      ParseSequence(parent, depth);
    } else {
      ParseMap(parent, depth, ScanKey(pos_));
    }
  }

  void ParseSequence(uint32_t parent, int depth) {
    if (depth > kMaxFastPathDepth) GiveUp();
    const size_t column = Column(pos_);
    const uint32_t sequence = AddNode(YamlKind::kSequence, pos_, parent);
    for (;;) {
      pos_ = SkipSpaces(pos_ + 1);
      if (pos_ >= size_ || text_[pos_] == '\n' || text_[pos_] == '#') {
        SkipToContent();
        if (pos_ >= size_ || Column(pos_) <= column) GiveUp();  // an empty item
        ParseCollection(sequence, depth + 1);
      } else if (AtSequenceEntry(pos_)) {
        ParseSequence(sequence, depth + 1);
      } else if (std::optional<KeyToken> key = ScanKey(pos_)) {
        ParseMap(sequence, depth + 1, std::move(key));
      } else {
        ParseScalar(sequence, column, depth + 1);
      }
      if (pos_ >= size_) break;
      const size_t next = Column(pos_);
      if (next > column) GiveUp();
      if (next < column || !AtSequenceEntry(pos_)) break;
    }
  }

  void ParseMap(uint32_t parent, int depth, std::optional<KeyToken> key) {
    if (depth > kMaxFastPathDepth) GiveUp();
    const size_t column = Column(pos_);
    const uint32_t map = AddNode(YamlKind::kMap, pos_, parent);
    for (;;) {
      if (!key) GiveUp();
      const size_t key_offset = key->offset;
      pos_ = SkipSpaces(key->after_colon);
      AddScalar(map, key_offset, key->style, std::move(key->value));
      if (pos_ >= size_ || text_[pos_] == '\n' || text_[pos_] == '#') {
        SkipToContent();
        if (pos_ < size_ &&
            (Column(pos_) > column || (Column(pos_) == column && AtSequenceEntry(pos_)))) {
          ParseCollection(map, depth + 1);
        } else {
          AddNode(YamlKind::kNull, key_offset, map);
        }
      } else {
        if (AtSequenceEntry(pos_)) GiveUp();
        ParseScalar(map, column, depth + 1);
      }
      if (pos_ >= size_ || AtDocumentMarker(pos_)) break;
      const size_t next = Column(pos_);
      if (next > column) GiveUp();
      if (next < column) break;
      if (AtSequenceEntry(pos_)) GiveUp();
      key = ScanKey(pos_);
    }
    AppendDuplicateKeyProblems(document_, map, problems_);
  }

  // A scalar or a one-line flow collection starting at pos_, after `key: ` or
  // `- `, inside a block collection at column `collection_column`.
  void ParseScalar(uint32_t parent, size_t collection_column, int depth) {
    const char first = text_[pos_];
    if (first == '|' || first == '>') {
      ParseBlockScalar(parent, collection_column);
      return;
    }
    if (first == '[' || first == '{') {
      ParseFlowCollection(parent, depth);
      EndValueLine(pos_);
      return;
    }
    if (first == '"' || first == '\'') {
      EndValueLine(AddQuoted(parent));
      return;
    }
    if (!CanStartPlain(pos_)) GiveUp();
    size_t end = pos_;
    while (end < size_ && text_[end] != '\n') {
      if (text_[end] == ':' && BlankOrEnd(end + 1)) GiveUp();
      if (text_[end] == '#' && text_[end - 1] == ' ') break;
      ++end;
    }
    AddPlain(parent, end);
    pos_ = end;
    SkipToContent();
  }

  // After a value that must end its line: spaces, then the line break or a
  // comment.
  void EndValueLine(size_t value_end) {
    pos_ = SkipSpaces(value_end);
    if (pos_ < size_ && text_[pos_] != '\n' && !(text_[pos_] == '#' && pos_ > value_end)) {
      GiveUp();
    }
    SkipToContent();
  }

  // The quoted scalar at pos_, on one line; returns the position after it.
  size_t AddQuoted(uint32_t parent) {
    const char quote = text_[pos_];
    std::string value;
    const size_t end = ScanQuoted(pos_, value);
    if (end == std::string_view::npos) GiveUp();
    AddScalar(parent, pos_, quote == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted,
              std::move(value));
    return end;
  }

  // The plain scalar from pos_ to `end`, without trailing spaces; the null
  // words become null nodes, as in yaml-cpp.
  void AddPlain(uint32_t parent, size_t end) {
    size_t last = end;
    while (text_[last - 1] == ' ') --last;
    const std::string_view value = text_.substr(pos_, last - pos_);
    if (IsNullWord(value)) {
      AddNode(YamlKind::kNull, NullOffset(parent, pos_), parent);
    } else {
      AddScalar(parent, pos_, ScalarStyle::kPlain, std::string(value));
    }
  }

  // `[...]` or `{...}` closed on its line, holding scalars on one line and
  // flow collections; a map's keys are scalars followed by `: `.
  void ParseFlowCollection(uint32_t parent, int depth) {
    if (depth > kMaxFastPathDepth) GiveUp();
    const bool is_map = text_[pos_] == '{';
    const char close = is_map ? '}' : ']';
    const uint32_t collection =
        AddNode(is_map ? YamlKind::kMap : YamlKind::kSequence, pos_, parent);
    document_.nodes[collection].flow = true;
    pos_ = SkipSpaces(pos_ + 1);
    if (At(pos_, close)) {
      ++pos_;
      return;
    }
    for (;;) {
      if (is_map) {
        if (At(pos_, '[') || At(pos_, '{')) GiveUp();
        ParseFlowNode(collection, depth, true);
        if (!At(pos_, ':') || !At(pos_ + 1, ' ')) GiveUp();
        pos_ = SkipSpaces(pos_ + 1);
      }
      ParseFlowNode(collection, depth, false);
      if (At(pos_, ',')) {
        pos_ = SkipSpaces(pos_ + 1);
        if (At(pos_, close)) GiveUp();
        continue;
      }
      if (!At(pos_, close)) GiveUp();
      ++pos_;
      break;
    }
    if (is_map) AppendDuplicateKeyProblems(document_, collection, problems_);
  }

  // A scalar or a flow collection inside a flow collection; pos_ ends on the
  // next non-space. A key ends at `: `.
  void ParseFlowNode(uint32_t parent, int depth, bool is_key) {
    if (pos_ >= size_) GiveUp();
    const char first = text_[pos_];
    if (first == '[' || first == '{') {
      ParseFlowCollection(parent, depth + 1);
    } else if (first == '"' || first == '\'') {
      pos_ = AddQuoted(parent);
    } else {
      if (!CanStartPlain(pos_)) GiveUp();
      size_t end = pos_;
      for (;; ++end) {
        if (end >= size_) GiveUp();
        const char c = text_[end];
        if (c == ',' || c == ']' || c == '}') break;
        if (c == ':' &&
            (BlankOrEnd(end + 1) || At(end + 1, ',') || At(end + 1, ']') || At(end + 1, '}'))) {
          if (is_key && At(end + 1, ' ')) break;
          GiveUp();
        }
        if (c == '\n' || c == '?' || c == '[' || c == '{' || (c == '#' && text_[end - 1] == ' ')) {
          GiveUp();
        }
      }
      AddPlain(parent, end);
      if (is_key && document_.nodes.back().kind == YamlKind::kNull) GiveUp();
      pos_ = end;
    }
    pos_ = SkipSpaces(pos_);
  }

  // `|` or `>` with an optional chomping indicator, decoded the way yaml-cpp's
  // ScanScalar does it (indentation detected from the first non-empty line,
  // folding of more-indented and empty lines, clip / strip / keep).
  void ParseBlockScalar(uint32_t parent, size_t collection_column) {
    enum class Chomp { kClip, kStrip, kKeep };
    const size_t offset = pos_;
    const bool folded = text_[pos_] == '>';
    size_t header = pos_ + 1;
    Chomp chomp = Chomp::kClip;
    if (At(header, '+') || At(header, '-')) {
      chomp = text_[header] == '+' ? Chomp::kKeep : Chomp::kStrip;
      ++header;
    }
    size_t p = SkipSpaces(header);
    if (At(p, '#')) {
      if (p == header) GiveUp();
      p = LineEnd(p);
    }
    if (p >= size_ || text_[p] != '\n') GiveUp();

    size_t indent = collection_column + 1;
    size_t line_start = line_start_;
    bool found_non_empty = false;
    bool past_opening_break = false;
    bool empty_line = false;
    bool more_indented = false;
    size_t folded_newlines = 0;
    bool folded_started_more_indented = false;
    std::string value;
    while (p < size_) {
      if (text_[p] != '\n') {
        found_non_empty = true;
        past_opening_break = true;
        const size_t end = LineEnd(p);
        value.append(text_.data() + p, end - p);
        p = end;
        if (p >= size_) break;
      }
      line_start = ++p;
      while (p < size_ && text_[p] == ' ' && (p - line_start < indent || !found_non_empty)) ++p;
      if (!found_non_empty) indent = std::max(indent, p - line_start);
      const bool next_empty = At(p, '\n');
      const bool next_more_indented = At(p, ' ');
      if (folded && folded_newlines == 0 && next_empty) {
        folded_started_more_indented = more_indented;
      }
      if (past_opening_break) {
        if (!folded) {
          value += '\n';
        } else {
          if (!empty_line && !next_empty && !more_indented && !next_more_indented &&
              p - line_start >= indent) {
            value += ' ';
          } else if (next_empty) {
            ++folded_newlines;
          } else {
            value += '\n';
          }
          if (!next_empty && folded_newlines > 0) {
            value.append(folded_newlines - 1, '\n');
            if (folded_started_more_indented || next_more_indented || !found_non_empty) {
              value += '\n';
            }
            folded_newlines = 0;
          }
        }
      }
      empty_line = next_empty;
      more_indented = next_more_indented;
      past_opening_break = true;
      if (!empty_line && p - line_start < indent) break;
    }
    const size_t last = value.find_last_not_of('\n');
    if (chomp == Chomp::kClip) {
      if (last == std::string::npos) {
        value.clear();
      } else if (last + 1 < value.size()) {
        value.erase(last + 2);
      }
    } else if (chomp == Chomp::kStrip) {
      value.erase(last == std::string::npos ? 0 : last + 1);
    }
    AddScalar(parent, offset, folded ? ScalarStyle::kFolded : ScalarStyle::kLiteral,
              std::move(value));
    pos_ = p;
    line_start_ = line_start;
    SkipToContent();
  }

  std::string_view text_;
  size_t size_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  YamlDocument document_;
  std::vector<YamlProblem> problems_;
};

}  // namespace

std::optional<YamlParseResult> ParseYamlFast(std::string_view text) {
  if (text.size() >= kNoNode || !HasOnlyPlainCharacters(text)) return std::nullopt;
  try {
    return FastLoader(text).Load();
  } catch (const OutsideSubset&) {
    return std::nullopt;
  }
}

}  // namespace kestra_lint
