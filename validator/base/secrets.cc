#include "base/secrets.h"

#include <cctype>

namespace kestra_lint {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

bool EndsValue(char c) { return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == ','; }

// True when `word` is `lower` (lower-case ASCII) in any case; no copy, as
// every word of every flagged line is tested.
bool EqualsIgnoringCase(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != lower[i]) return false;
  }
  return true;
}

}  // namespace

bool IsSecretName(std::string_view name) {
  // Split into words at separators and camelCase humps, then look for a word
  // that names a secret.
  static const char* const kSecretWords[] = {
      "password", "passwd", "pwd",        "pass",          "secret",      "secrets",
      "token",    "tokens", "license",    "credential",    "credentials", "apikey",
      "key",      "keys",   "privatekey", "authorization", "bearer",      "cookie"};
  std::string word;
  auto is_secret = [&]() {
    for (const char* secret : kSecretWords) {
      if (word == secret) return true;
    }
    return false;
  };
  for (size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : '\0';
    const bool hump = std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
                      std::islower(static_cast<unsigned char>(name[i - 1]));
    if (!std::isalnum(static_cast<unsigned char>(c)) || hump) {
      if (is_secret()) return true;
      word.clear();
    }
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return false;
}

std::string RedactUri(std::string_view uri) {
  std::string out(uri);
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t authority = scheme + 3;
    size_t end = authority;
    while (end < out.size() && out[end] != '/' && out[end] != '?' && out[end] != '#') ++end;
    const size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= authority && at < end) {
      out.replace(authority, at - authority, kMask);
    }
  }
  const size_t query = out.find('?');
  if (query == std::string::npos) return out;
  size_t at = query + 1;
  while (at < out.size()) {
    size_t end = out.find('&', at);
    if (end == std::string::npos) end = out.size();
    const size_t equals = out.find('=', at);
    if (equals != std::string::npos && equals < end &&
        IsSecretName(std::string_view(out).substr(at, equals - at))) {
      out.replace(equals + 1, end - equals - 1, kMask);
      end = equals + 1 + kMask.size();
    }
    at = end + 1;
  }
  return out;
}

std::string RedactLine(std::string_view line) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    // A name followed by ':' or '=' (YAML, env, properties, -D options).
    if (IsNameChar(line[i]) && (i == 0 || !IsNameChar(line[i - 1]))) {
      size_t end = i;
      while (end < line.size() && IsNameChar(line[end])) ++end;
      const std::string_view name = line.substr(i, end - i);
      size_t separator = end;
      if (separator < line.size() && (line[separator] == '"' || line[separator] == '\'')) {
        ++separator;
      }
      const bool bearer = EqualsIgnoringCase(name, "bearer") || EqualsIgnoringCase(name, "basic");
      if ((separator < line.size() && (line[separator] == ':' || line[separator] == '=') &&
           IsSecretName(name)) ||
          (bearer && separator < line.size() && line[separator] == ' ')) {
        out.append(line.substr(i, separator + 1 - i));
        size_t value = separator + 1;
        while (value < line.size() && line[value] == ' ') out += line[value++];
        char quote = 0;
        if (value < line.size() && (line[value] == '"' || line[value] == '\'')) {
          quote = line[value];
          out += line[value++];
        }
        size_t value_end = value;
        while (value_end < line.size() &&
               (quote ? line[value_end] != quote : !EndsValue(line[value_end]))) {
          ++value_end;
        }
        // "Authorization: Bearer <token>": the token goes with its scheme.
        const std::string_view scheme = line.substr(value, value_end - value);
        if (!quote &&
            (EqualsIgnoringCase(scheme, "bearer") || EqualsIgnoringCase(scheme, "basic"))) {
          while (value_end < line.size() && line[value_end] == ' ') ++value_end;
          while (value_end < line.size() && !EndsValue(line[value_end])) ++value_end;
        }
        if (value_end > value) out += kMask;
        i = value_end;
        continue;
      }
      out.append(name);
      i = end;
      continue;
    }
    // user:password@ in a URI.
    if (line.compare(i, 3, "://") == 0) {
      size_t end = i + 3;
      while (end < line.size() && !EndsValue(line[end]) && line[end] != '/') ++end;
      const std::string_view authority = line.substr(i + 3, end - i - 3);
      const size_t at = authority.rfind('@');
      out += "://";
      if (at != std::string_view::npos) {
        out += kMask;
        out.append(authority.substr(at));
      } else {
        out.append(authority);
      }
      i = end;
      continue;
    }
    out += line[i++];
  }
  return out;
}

}  // namespace kestra_lint
