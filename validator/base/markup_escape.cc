#include "base/markup_escape.h"

#include "base/source_text.h"

namespace kestra_lint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// True for the bytes that start a character XML 1.0 forbids: C0 controls
// other than tab, LF and CR, and the noncharacters U+FFFE and U+FFFF.
size_t ForbiddenLength(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return 1;
  if (c == 0xEF && text.substr(i, 2) == "\xEF\xBF" && i + 2 < text.size()) {
    const unsigned char last = static_cast<unsigned char>(text[i + 2]);
    if (last == 0xBE || last == 0xBF) return 3;
  }
  return 0;
}

// Valid UTF-8 with forbidden characters replaced; each kept byte goes
// through `append`.
template <typename Append>
std::string Rewrite(std::string_view raw, Append append) {
  const std::string text = SanitizeUtf8(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    const size_t forbidden = ForbiddenLength(text, i);
    if (forbidden > 0) {
      out += kReplacement;
      i += forbidden;
      continue;
    }
    append(out, text, i);
    ++i;
  }
  return out;
}

}  // namespace

std::string EscapeMarkup(std::string_view text) {
  return Rewrite(text, [](std::string& out, const std::string& in, size_t i) {
    switch (in[i]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += in[i];
    }
  });
}

std::string XmlCData(std::string_view text) {
  const std::string body = Rewrite(text, [](std::string& out, const std::string& in, size_t i) {
    // "]]>" would end the section: close it after "]]" and open a new one.
    if (in[i] == '>' && out.size() >= 2 && out.compare(out.size() - 2, 2, "]]") == 0) {
      out += "]]><![CDATA[>";
      return;
    }
    out += in[i];
  });
  return "<![CDATA[" + body + "]]>";
}

namespace {

void AppendHex(std::string& out, const char* prefix, unsigned value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += prefix;
  out += kDigits[(value >> 4) & 0xF];
  out += kDigits[value & 0xF];
}

// Appends the character at `i` of valid UTF-8 `text` with controls escaped;
// returns its length.
size_t AppendEscaped(std::string& out, const std::string& text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if ((c < 0x20 && c != '\t') || c == 0x7F) {
    AppendHex(out, "\\x", c);
    return 1;
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    const unsigned char next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) {
      AppendHex(out, "\\u00", next);
      return 2;
    }
  }
  out += text[i];
  return 1;
}

bool NeedsQuotes(const std::string& path) {
  for (size_t i = 0; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (c < 0x20 || c == 0x7F || c == '"') return true;
    if (c == 0xC2 && i + 1 < path.size() && static_cast<unsigned char>(path[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(path[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string EscapeControls(std::string_view raw) {
  const std::string text = SanitizeUtf8(raw);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) i += AppendEscaped(out, text, i);
  return out;
}

std::string DisplayPath(std::string_view raw) {
  const std::string path = SanitizeUtf8(raw);
  if (!NeedsQuotes(path)) return path;
  std::string out = "\"";
  for (size_t i = 0; i < path.size();) {
    if (path[i] == '"' || path[i] == '\\') out += '\\';
    if (path[i] == '\t') {
      out += "\\t";
      ++i;
      continue;
    }
    i += AppendEscaped(out, path, i);
  }
  out += '"';
  return out;
}

std::string EscapeMarkdown(std::string_view text) {
  static constexpr std::string_view kInline = "\\`*_[]<>!#|~&";
  static constexpr std::string_view kLineStart = "-+=.";
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool line_start = true;
    for (const char c : EscapeControls(line)) {
      if (kInline.find(c) != std::string_view::npos ||
          (line_start && kLineStart.find(c) != std::string_view::npos)) {
        out += '\\';
      }
      out += c;
      line_start = line_start && c == ' ';
    }
    if (end == text.size()) break;
    out += '\n';
    at = end + 1;
  }
  return out;
}

}  // namespace kestra_lint
