// The URI scanner: every match lies inside the text, in order, without
// overlap, and splits into segments that lie inside the match.
#include <cstdint>
#include <string_view>

#include "extract/api_uri.h"
#include "fuzz_support.h"

using kestra_lint::fuzzing::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t previous_end = 0;
  for (const kestra_lint::ApiUriMatch& match : kestra_lint::FindApiUris(text)) {
    Require(match.begin <= match.api && match.api < match.end && match.end <= size,
            "match inside the text");
    Require(match.begin >= previous_end, "matches in order, without overlap");
    previous_end = match.end;
    const std::string_view uri = text.substr(match.begin, match.end - match.begin);
    const kestra_lint::ApiUri parsed = kestra_lint::ParseApiUri(uri);
    Require(parsed.segments.size() == parsed.segment_offsets.size(), "one offset per segment");
    Require(parsed.path_end <= uri.size(), "path ends inside the URI");
    for (size_t i = 0; i < parsed.segments.size(); ++i) {
      Require(parsed.segment_offsets[i] + parsed.segments[i].size() <= uri.size(),
              "segment inside the URI");
      kestra_lint::IsPlaceholderSegment(parsed.segments[i]);
    }
  }
  return 0;
}
