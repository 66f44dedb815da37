// The baseline reader: any text is either entries or a BaselineError that
// names the file (positioned for JSON mistakes), never another exception, a
// crash or deep recursion; entries round-trip through BaselineEntryJson.
#include <cstdint>
#include <string>

#include "findings/baseline.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    for (const kestra_lint::BaselineEntry& entry :
         kestra_lint::ParseBaseline(text, "fuzz-baseline.json")) {
      kestra_lint::BaselineEntryJson(entry).dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
    }
  } catch (const kestra_lint::BaselineError& error) {
    kestra_lint::fuzzing::Require(std::string(error.what()).rfind("fuzz-baseline.json", 0) == 0,
                                  "a baseline error names the file");
  }
  return 0;
}
