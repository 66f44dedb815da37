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

std::string EscapeMarkdown(std::string_view raw) {
  const std::string text = SanitizeUtf8(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;
        out += ' ';
        break;
      case '\n':
      case '\t':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '(':
      case ')':
      case '{':
      case '}':
      case '#':
      case '|':
      case '~':
      case '!':
      case '+':
        out += '\\';
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace kestra_lint
