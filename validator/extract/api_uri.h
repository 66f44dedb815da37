// Finding Kestra API URIs (`.../api/v1/...`) inside any string, shell
// scripts included, and splitting them into base and path segments.
// No std::regex: the scan is one pass over the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kestra_lint {

struct ApiUriMatch {
  size_t begin = 0;  // start of the URI: scheme, host, template base or "/api/v1"
  size_t api = 0;    // offset of "/api/v1"
  size_t end = 0;    // one past the last character
};

// Every "/api/v1" path in `text`, with the URI around it. Template
// expressions ({{ kestra.url }}, ${HOST}) belong to the URI, spaces included.
std::vector<ApiUriMatch> FindApiUris(std::string_view text);

struct ApiUri {
  std::string base;       // what precedes "/api/v1": "", "http://kestra:8080", "{{ kestra.url }}"
  std::string base_path;  // the path part of the base: "/loki" in http://loki:3100/loki/api/v1
  std::vector<std::string> segments;    // path segments after /api/v1/, before ? or #
  std::vector<size_t> segment_offsets;  // offset of each segment in the URI text
  size_t path_end = 0;                  // offset in the URI text where the path ends
};

ApiUri ParseApiUri(std::string_view uri);

// The host of a base written as `scheme://host[:port]`, or "" when the base
// is not one (empty, a template, a variable).
std::string_view LiteralHost(std::string_view base);

// Offset just past the first "api/v1" in `uri`, or npos.
size_t ApiV1End(std::string_view uri);

// A segment that is filled in at run time: {{ flow.tenantId }}, {tenant},
// ${TENANT}, $TENANT, <tenant>, %s, :tenant, * (open-urls wildcard).
bool IsPlaceholderSegment(std::string_view segment);

}  // namespace kestra_lint
