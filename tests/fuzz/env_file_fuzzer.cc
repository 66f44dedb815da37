// The .env extractor (export, quotes, KESTRA_* names, JAVA_OPTS values).
#include <cstdint>
#include <string>

#include "discover/file_reader.h"
#include "extract/flat_files.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kestra_lint::ScannedFile file;
  file.path = ".env";
  if (kestra_lint::AcceptText(std::string(reinterpret_cast<const char*>(data), size), file)) {
    kestra_lint::ExtractEnvFile(file);
  }
  kestra_lint::fuzzing::RequireSpansInside(file);
  return 0;
}
