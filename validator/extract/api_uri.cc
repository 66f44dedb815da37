#include "extract/api_uri.h"

namespace kestra_lint {
namespace {

constexpr std::string_view kBareApiV1 = "api/v1";

// Characters that cannot be part of a URI written in a config or a script.
bool EndsUri(char c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '"':
    case '\'':
    case '`':
    case '(':
    case ')':
    case '[':
    case ']':
    case ',':
    case ';':
    case '|':
    case '\\':
    case '\0':
      return true;
    default:
      return false;
  }
}

// If text[close] ends a template expression ("}}" or "}"), the offset of its
// opening ("{{", "${" or "{"); otherwise `npos`.
size_t TemplateOpening(std::string_view text, size_t close) {
  int depth = 0;
  for (size_t i = close + 1; i-- > 0;) {
    if (text[i] == '}') ++depth;
    if (text[i] == '{') {
      if (--depth == 0) {
        while (i > 0 && (text[i - 1] == '{' || text[i - 1] == '$')) --i;
        return i;
      }
    }
    if (text[i] == '\n' || close - i > 200) break;
  }
  return std::string_view::npos;
}

// If text[open] starts a template expression, one past its end; else npos.
size_t TemplateEnd(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}') {
      if (--depth == 0) {
        while (i + 1 < text.size() && text[i + 1] == '}') ++i;
        return i + 1;
      }
    }
    if (text[i] == '\n' || i - open > 200) break;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<ApiUriMatch> FindApiUris(std::string_view text) {
  std::vector<ApiUriMatch> matches;
  size_t from = 0;
  while ((from = text.find(kBareApiV1, from)) != std::string_view::npos) {
    // "api/v1" after a slash, or right after a template whose value ends in
    // one ("{{ kestra.url }}api/v1/...": kestra.url ends with '/').
    const size_t bare = from;
    const size_t after = bare + kBareApiV1.size();
    from = after;
    const bool slash = bare > 0 && text[bare - 1] == '/';
    const bool after_template = bare > 0 && text[bare - 1] == '}';
    if (!slash && !after_template) continue;
    const size_t api = slash ? bare - 1 : bare;
    if (after < text.size() && !EndsUri(text[after]) && text[after] != '/' && text[after] != '?' &&
        text[after] != '#' && text[after] != '}') {
      continue;  // "/api/v10", "/api/v1beta"
    }
    size_t begin = api;
    while (begin > 0) {
      const char c = text[begin - 1];
      if (c == '}') {
        const size_t opening = TemplateOpening(text, begin - 1);
        if (opening == std::string_view::npos) break;
        begin = opening;
      } else if (EndsUri(c) || c == '=') {
        break;
      } else {
        --begin;
      }
    }
    size_t end = after;
    while (end < text.size()) {
      const char c = text[end];
      if (c == '{') {
        const size_t close = TemplateEnd(text, end);
        if (close == std::string_view::npos) break;
        end = close;
      } else if (EndsUri(c)) {
        break;
      } else {
        ++end;
      }
    }
    while (end > after && (text[end - 1] == '.' || text[end - 1] == ':')) --end;
    if (!matches.empty() && begin < matches.back().end) continue;
    matches.push_back({begin, api, end});
    from = end > from ? end : from;
  }
  return matches;
}

size_t ApiV1End(std::string_view uri) {
  const size_t bare = uri.find(kBareApiV1);
  return bare == std::string_view::npos ? bare : bare + kBareApiV1.size();
}

ApiUri ParseApiUri(std::string_view uri) {
  ApiUri parsed;
  const size_t after = ApiV1End(uri);
  if (after == std::string_view::npos) return parsed;
  size_t api = after - kBareApiV1.size();
  if (api > 0 && uri[api - 1] == '/') --api;
  parsed.base = std::string(uri.substr(0, api));
  // The base's path: after "scheme://host" (or after a leading template).
  std::string_view base = uri.substr(0, api);
  size_t host_end = 0;
  const size_t scheme = base.find("://");
  if (scheme != std::string_view::npos) {
    host_end = base.find('/', scheme + 3);
  } else if (!base.empty() && (base[0] == '{' || base[0] == '$')) {
    const size_t close =
        TemplateEnd(base, base[0] == '$' && base.size() > 1 && base[1] == '{' ? 1 : 0);
    host_end = close == std::string_view::npos ? base.find('/') : base.find('/', close);
  } else {
    host_end = base.find('/');
    if (host_end == 0 && base.size() > 0) host_end = 0;
  }
  if (host_end != std::string_view::npos && host_end < base.size()) {
    parsed.base_path = std::string(base.substr(host_end));
  }
  size_t at = after;
  size_t path_end = at;
  while (path_end < uri.size() && uri[path_end] != '?' && uri[path_end] != '#') {
    if (uri[path_end] == '{') {
      const size_t close = TemplateEnd(uri, path_end);
      path_end = close == std::string_view::npos ? path_end + 1 : close;
    } else {
      ++path_end;
    }
  }
  parsed.path_end = path_end;
  while (at < path_end) {
    if (uri[at] == '/') {
      ++at;
      continue;
    }
    size_t segment_end = at;
    while (segment_end < path_end && uri[segment_end] != '/') {
      if (uri[segment_end] == '{') {
        const size_t close = TemplateEnd(uri, segment_end);
        segment_end = close == std::string_view::npos ? segment_end + 1 : close;
      } else {
        ++segment_end;
      }
    }
    if (segment_end > path_end) segment_end = path_end;
    parsed.segments.emplace_back(uri.substr(at, segment_end - at));
    parsed.segment_offsets.push_back(at);
    at = segment_end;
  }
  return parsed;
}

bool IsPlaceholderSegment(std::string_view segment) {
  if (segment.empty()) return false;
  if (segment == "*") return true;
  if (segment.front() == '<' && segment.back() == '>') return true;
  // printf's %s, Express and Rails' :id.
  if (segment.front() == '%' || segment.front() == ':') return true;
  return segment.find('{') != std::string_view::npos || segment.front() == '$';
}

std::string_view LiteralHost(std::string_view base) {
  const size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return {};
  for (size_t i = 0; i < scheme; ++i) {
    const char c = base[i];
    const bool scheme_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
    if (!scheme_char) return {};
  }
  std::string_view host = base.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/:"));
  if (host.find_first_of("{}$%<>") != std::string_view::npos) return {};
  return host;
}

}  // namespace kestra_lint
