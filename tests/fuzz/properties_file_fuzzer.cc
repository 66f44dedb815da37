// The .properties extractor (continuations, escapes, separators), through
// the same reader checks a scanned file gets.
#include <cstdint>
#include <string>

#include "discover/file_reader.h"
#include "extract/flat_files.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kestra_lint::ScannedFile file;
  file.path = "application.properties";
  if (kestra_lint::AcceptText(std::string(reinterpret_cast<const char*>(data), size), file)) {
    kestra_lint::ExtractPropertiesFile(file);
  }
  kestra_lint::fuzzing::RequireSpansInside(file);
  return 0;
}
