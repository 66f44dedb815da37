// The include/exclude glob matcher: the first line of the input is a
// pattern, the rest paths. Any pattern ("/" once aborted under
// _GLIBCXX_ASSERTIONS) over any path must answer, in time linear in the
// pattern times the path, and agree with the obvious facts below.
#include <cstdint>
#include <string>
#include <vector>

#include "base/glob.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const size_t newline = text.find('\n');
  const std::string pattern = text.substr(0, newline);
  std::vector<std::string> paths;
  for (size_t start = newline; start != std::string::npos && start < text.size();) {
    const size_t end = text.find('\n', start + 1);
    paths.push_back(text.substr(start + 1, end == std::string::npos ? end : end - start - 1));
    start = end;
  }
  for (const std::string& path : paths) {
    kestra_lint::GlobMatch(pattern, path);
    if (pattern.find_first_of("*?") == std::string::npos &&
        pattern.find('/') != std::string::npos && pattern.front() != '/' && pattern.back() != '/') {
      kestra_lint::fuzzing::Require(kestra_lint::GlobMatch(pattern, path) == (pattern == path),
                                    "a literal pattern with a folder matches only itself");
    }
    kestra_lint::fuzzing::Require(kestra_lint::GlobMatch("**", path), "** matches every path");
  }
  kestra_lint::GlobsKeep("", paths.empty() ? pattern : paths.front(), {pattern}, {pattern});
  return 0;
}
