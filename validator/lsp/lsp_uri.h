// Document URIs (RFC 3986 "file:" URIs, as LSP clients send them) and the
// file paths the scan works with.
#pragma once

#include <string>

namespace kestra_lint {

// The path of a "file:" URI, percent-decoded; "" for any other scheme.
std::string PathFromUri(const std::string& uri);
// A "file:" URI for an absolute path, percent-encoding what URIs reserve.
std::string UriFromPath(const std::string& path);

}  // namespace kestra_lint
