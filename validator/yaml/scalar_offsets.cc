#include "yaml/scalar_offsets.h"

#include <string>

namespace kestra_lint {
namespace {

bool IsWhite(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Decodes the double-quoted escape at `source[at]` (a backslash). Returns its
// length in the source, 0 when it is not a valid escape; `decoded` gets the
// bytes it stands for (empty for an escaped line break).
size_t DecodeEscape(std::string_view source, size_t at, std::string& decoded) {
  decoded.clear();
  if (at + 1 >= source.size()) return 0;
  const char c = source[at + 1];
  int hex_digits = 0;
  switch (c) {
    case '0':
      decoded = std::string(1, '\0');
      return 2;
    case 'a':
      decoded = "\a";
      return 2;
    case 'b':
      decoded = "\b";
      return 2;
    case 't':
    case '\t':
      decoded = "\t";
      return 2;
    case 'n':
      decoded = "\n";
      return 2;
    case 'v':
      decoded = "\v";
      return 2;
    case 'f':
      decoded = "\f";
      return 2;
    case 'r':
      decoded = "\r";
      return 2;
    case 'e':
      decoded = "\x1b";
      return 2;
    case ' ':
      decoded = " ";
      return 2;
    case '"':
      decoded = "\"";
      return 2;
    case '/':
      decoded = "/";
      return 2;
    case '\\':
      decoded = "\\";
      return 2;
    case 'N':
      AppendUtf8(decoded, 0x85);
      return 2;
    case '_':
      AppendUtf8(decoded, 0xA0);
      return 2;
    case 'L':
      AppendUtf8(decoded, 0x2028);
      return 2;
    case 'P':
      AppendUtf8(decoded, 0x2029);
      return 2;
    case '\n':
      return 2;
    case '\r':
      return at + 2 < source.size() && source[at + 2] == '\n' ? 3 : 2;
    case 'x':
      hex_digits = 2;
      break;
    case 'u':
      hex_digits = 4;
      break;
    case 'U':
      hex_digits = 8;
      break;
    default:
      return 0;
  }
  unsigned code = 0;
  for (int i = 0; i < hex_digits; ++i) {
    const size_t position = at + 2 + static_cast<size_t>(i);
    if (position >= source.size() || HexValue(source[position]) < 0) return 0;
    code = code * 16 + static_cast<unsigned>(HexValue(source[position]));
  }
  AppendUtf8(decoded, code);
  return 2 + static_cast<size_t>(hex_digits);
}

// Where the content of a scalar starts: after the opening quote, or on the
// line after a block scalar's header (which may carry a comment).
size_t ContentStart(std::string_view source, const YamlNode& scalar) {
  size_t at = scalar.offset;
  switch (scalar.style) {
    case ScalarStyle::kSingleQuoted:
    case ScalarStyle::kDoubleQuoted:
      return at + 1;
    case ScalarStyle::kLiteral:
    case ScalarStyle::kFolded:
      while (at < source.size() && source[at] != '\n') ++at;
      return at < source.size() ? at + 1 : at;
    case ScalarStyle::kPlain:
      break;
  }
  return at;
}

}  // namespace

// Non-blank value bytes always stand in the source as they are (or as an
// escape); blanks may come from folding, so a value blank maps to a run of
// source blanks. Aligning greedily on that gives every non-blank byte its
// exact source offset, which is what findings point at.
ScalarOffsets::ScalarOffsets(std::string_view source, const YamlNode& scalar)
    : fallback_(scalar.offset), value_size_(scalar.value.size()) {
  const std::string& value = scalar.value;
  const bool double_quoted = scalar.style == ScalarStyle::kDoubleQuoted;
  const bool single_quoted = scalar.style == ScalarStyle::kSingleQuoted;
  std::vector<uint32_t> map(value.size(), 0);
  size_t s = ContentStart(source, scalar);
  std::string decoded;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (IsWhite(c) && !(s < source.size() && double_quoted && source[s] == '\\')) {
      map[i] = static_cast<uint32_t>(s);
      if (s < source.size() && source[s] == c) {
        ++s;
        continue;
      }
      while (s < source.size() && IsWhite(source[s])) ++s;
      continue;
    }
    bool matched = false;
    while (s < source.size() && !matched) {
      const char at = source[s];
      if (double_quoted && at == '\\') {
        const size_t length = DecodeEscape(source, s, decoded);
        if (length == 0) return;
        if (decoded.empty()) {  // escaped line break: the value goes on
          s += length;
          while (s < source.size() && (source[s] == ' ' || source[s] == '\t')) ++s;
          continue;
        }
        if (value.compare(i, decoded.size(), decoded) != 0) return;
        for (size_t k = 0; k < decoded.size(); ++k) map[i + k] = static_cast<uint32_t>(s);
        i += decoded.size() - 1;
        s += length;
        matched = true;
      } else if (at == c) {
        map[i] = static_cast<uint32_t>(s);
        s += (single_quoted && c == '\'') ? 2 : 1;
        matched = true;
      } else if (IsWhite(at)) {
        ++s;
      } else {
        return;  // the source says something else: give up, keep the fallback
      }
    }
    if (!matched) return;
  }
  map_ = std::move(map);
}

size_t ScalarOffsets::SourceOffset(size_t index) const {
  if (map_.empty() || index >= map_.size()) return fallback_;
  return map_[index];
}

}  // namespace kestra_lint
