// -Dkey=value options in a JAVA_OPTS value, and environment variables in
// general: NAME=value, split at the first '='.
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/environment.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kestra_lint::ScannedFile file;
  file.path = "JAVA_OPTS";
  file.source = kestra_lint::SourceText(std::string(reinterpret_cast<const char*>(data), size));
  const std::string_view text = file.source.text();
  const auto identity = [](size_t i) { return i; };
  kestra_lint::AddJavaOptions(file, text, identity, "fuzz");
  const size_t equals = text.find('=');
  if (equals != std::string_view::npos) {
    const auto after_equals = [equals](size_t i) { return equals + 1 + i; };
    kestra_lint::AddEnvironmentVariable(file, text.substr(0, equals), kestra_lint::Span{0, equals},
                                        text.substr(equals + 1), after_equals, true, "fuzz");
  }
  kestra_lint::fuzzing::RequireSpansInside(file);
  return 0;
}
