#include "extract/compose_interpolation.h"

namespace kestra_lint {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The `}` closing the `${` at `open`, nested braces of a default included.
size_t ClosingBrace(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t at = open; at < text.size(); ++at) {
    if (text[at] == '{') ++depth;
    if (text[at] == '}' && --depth == 0) return at;
  }
  return std::string_view::npos;
}

}  // namespace

Interpolated InterpolateCompose(
    std::string_view text,
    const std::function<std::optional<std::string>(const std::string&)>& lookup) {
  Interpolated result;
  for (size_t at = 0; at < text.size();) {
    if (text[at] != '$' || at + 1 >= text.size()) {
      result.text += text[at++];
      continue;
    }
    if (text[at + 1] == '$') {
      result.text += '$';
      at += 2;
      continue;
    }
    std::string name;
    std::string_view modifier;
    std::string_view operand;
    if (text[at + 1] == '{') {
      const size_t close = ClosingBrace(text, at + 1);
      if (close == std::string_view::npos) {
        result.text += text.substr(at);
        result.unresolved = true;
        break;
      }
      const std::string_view inside = text.substr(at + 2, close - at - 2);
      size_t name_end = 0;
      while (name_end < inside.size() && IsNameChar(inside[name_end])) ++name_end;
      name = std::string(inside.substr(0, name_end));
      const std::string_view rest = inside.substr(name_end);
      const size_t modifier_size = !rest.empty() && rest[0] == ':' ? 2 : 1;
      modifier = rest.substr(0, std::min(rest.size(), modifier_size));
      operand = rest.substr(modifier.size());
      at = close + 1;
    } else if (IsNameChar(text[at + 1])) {
      size_t end = at + 1;
      while (end < text.size() && IsNameChar(text[end])) ++end;
      name = std::string(text.substr(at + 1, end - at - 1));
      at = end;
    } else {
      result.text += text[at++];
      continue;
    }
    const std::optional<std::string> value = lookup(name);
    const bool set = value.has_value();
    const bool set_and_not_empty = set && !value->empty();
    const bool colon = !modifier.empty() && modifier[0] == ':';
    const char sign = modifier.empty() ? '\0' : modifier.back();
    const bool present = colon ? set_and_not_empty : set;
    if (sign == '-' && !present) {
      const Interpolated fallback = InterpolateCompose(operand, lookup);
      result.text += fallback.text;
      result.unresolved = result.unresolved || fallback.unresolved;
      result.variables_used.insert(result.variables_used.end(), fallback.variables_used.begin(),
                                   fallback.variables_used.end());
    } else if (sign == '+') {
      if (present) {
        const Interpolated other = InterpolateCompose(operand, lookup);
        result.text += other.text;
        result.variables_used.push_back(name);
      }
    } else if (set) {
      result.text += *value;
      result.variables_used.push_back(name);
    } else {
      result.unresolved = true;
    }
  }
  return result;
}

}  // namespace kestra_lint
