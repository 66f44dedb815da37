// The .kestra-lint.yaml reader: any text is either settings or a ConfigError
// whose every mistake has a position inside the text (or none: the whole
// file), and the settings it gives drive a scan without harm.
#include <cstdint>
#include <string>

#include "base/source_text.h"
#include "fuzz_support.h"
#include "pipeline/installation_settings.h"
#include "pipeline/lint_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kestra_lint::LintConfig config;
  try {
    config = kestra_lint::ParseConfig(text, "/fuzz/.kestra-lint.yaml");
  } catch (const kestra_lint::ConfigError& error) {
    const int lines = kestra_lint::SourceText(text).line_count();
    for (const kestra_lint::ConfigProblem& problem : error.problems()) {
      kestra_lint::fuzzing::Require(problem.at.line >= 0 && problem.at.line <= lines,
                                    "config error inside the text");
      kestra_lint::fuzzing::Require(!problem.message.empty(), "config error says something");
    }
    return 0;
  }
  const kestra_lint::InstallationSettings settings =
      kestra_lint::SettingsFor(config, kestra_lint::SettingOverrides{});
  for (const std::string& pattern : settings.include) {
    kestra_lint::fuzzing::Require(!pattern.empty(), "the schema refuses empty globs");
  }
  return 0;
}
