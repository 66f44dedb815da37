// Template definitions for yaml_extract.h.
#pragma once

#include "extract/api_uri.h"

namespace kestra_lint {

template <typename ToFile>
void ExtractStringUris(ScannedFile& file, std::string_view value, ToFile to_file,
                       const std::string& property, const std::string& origin) {
  if (value.find("api/v1") == std::string_view::npos) return;
  for (const ApiUriMatch& match : FindApiUris(value)) {
    UriRecord record;
    record.text = std::string(value.substr(match.begin, match.end - match.begin));
    record.span = Span{to_file(match.begin), to_file(match.end - 1) + 1};
    record.property = property;
    record.origin = origin;
    file.uris.push_back(std::move(record));
  }
}

}  // namespace kestra_lint
