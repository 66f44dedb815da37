// What the language server tests share: a config with a removed key, a
// flow whose URI starts at different UTF-16 and code point columns, and LSP
// ranges.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lsp_client.h"

namespace kestra_lint::testing {

inline constexpr char kAppUri[] = "file:///work/app/application.yml";
inline constexpr char kRemovedKey[] = "kestra:\n  ee:\n    tenants:\n      enabled: true\n";

// A flow whose shell command has "café 😀" before the URI on the same line:
// the URI starts at code point 33 but UTF-16 unit 34.
inline constexpr char kFlowUri[] = "file:///work/app/flows/report.yml";
inline constexpr char kFlow[] =
    "id: report\n"
    "namespace: company.team\n"
    "tasks:\n"
    "  - id: call\n"
    "    type: io.kestra.plugin.scripts.shell.Commands\n"
    "    commands:\n"
    "      - curl -H 'X-Note: caf\xC3\xA9 \xF0\x9F\x98\x80' "
    "http://kestra:8080/api/v1/executions/search\n";

inline nlohmann::json Range(int line, int character, int end_line, int end_character) {
  return {{"start", {{"line", line}, {"character", character}}},
          {"end", {{"line", end_line}, {"character", end_character}}}};
}

// Reads the diagnostics published for `uri` until `wanted` holds for them;
// null when none that do come within the client's timeout.
template <typename Wanted>
nlohmann::json DiagnosticsUntil(LspClient& client, const std::string& uri, Wanted wanted) {
  for (;;) {
    const nlohmann::json diagnostics = client.Diagnostics(uri);
    if (diagnostics.is_null() || wanted(diagnostics)) return diagnostics;
  }
}

// The diagnostics' codes and severities, "code:severity" in order.
inline std::vector<std::string> CodesAndSeverities(const nlohmann::json& diagnostics) {
  std::vector<std::string> found;
  for (const nlohmann::json& diagnostic : diagnostics) {
    found.push_back(diagnostic["code"].get<std::string>() + ":" +
                    std::to_string(diagnostic["severity"].get<int>()));
  }
  return found;
}

inline constexpr char kTwoRemovedKeys[] =
    "kestra:\n  ee:\n    tenants:\n      enabled: true\n      defaultTenant: true\n";

}  // namespace kestra_lint::testing
