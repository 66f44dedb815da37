// Checks shared by the fuzz targets: an invariant that does not hold is a
// crash libFuzzer keeps, like any sanitizer report.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "extract/scanned_file.h"

namespace kestra_lint::fuzzing {

inline void Require(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

// Every record points inside the file it was read from, and its position
// (line, column, source line) can be computed.
inline void RequireSpansInside(const ScannedFile& file) {
  const size_t size = file.source.text().size();
  auto check = [&](const Span& span, const char* what) {
    Require(span.begin <= size && span.begin <= span.end, what);
    const Position position = file.source.PositionAt(span.begin);
    Require(position.line >= 1 && position.column >= 1, what);
    file.source.Line(position.line);
  };
  for (const PropertyRecord& record : file.properties) {
    check(record.key_span, "property key span");
    check(record.value_span, "property value span");
    if (record.option_removal) {
      check(record.option_removal->span, "-D option removal span");
      Require(record.option_removal->span.end <= size, "-D option removal ends inside");
    }
    if (record.environment_entry) {
      Require(record.environment_entry->collection <= record.environment_entry->begin &&
                  record.environment_entry->begin < size,
              "environment entry inside its collection and the file");
    }
  }
  for (const UriRecord& record : file.uris) check(record.span, "uri span");
  for (const ClientSetting& client : file.clients) {
    if (client.has_url) check(client.url_span, "client url span");
    if (client.has_tenant) check(client.tenant_span, "client tenant span");
  }
  for (const EditionEvidence& evidence : file.evidence) check(evidence.span, "evidence span");
  for (const FileProblem& problem : file.problems) check(problem.span, "problem span");
}

}  // namespace kestra_lint::fuzzing
