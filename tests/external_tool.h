// Runs the consumers' own tools from tests (xmllint, the SARIF Multitool,
// headless Chromium). A test skips, saying what to install, only when the
// tool is absent; scripts/deps.sh installs all of them.
#pragma once

#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "test_support.h"

namespace kestra_lint::testing {

// The bytes of the file at `path` ("" when it cannot be read).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// How many times `part` occurs in `text` (overlapping ones too).
inline size_t Occurrences(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

inline bool IsExecutable(const std::string& path) { return access(path.c_str(), X_OK) == 0; }

inline constexpr char kXmllint[] = "/usr/bin/xmllint";
inline constexpr char kChromium[] = "/usr/bin/chromium";

inline std::string SarifMultitool() {
  return SourceDir() +
         "/third_party/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
}

inline std::string ActionValidator() {
  return SourceDir() + "/third_party/npm/node_modules/.bin/action-validator";
}

// What the SARIF Multitool's validate command (SARIF 2.1.0 schema and rules,
// plus the rules GitHub code scanning adds) reports at level error or
// warning for the log at `log_path`, one per line; "" when nothing.
inline std::string SarifMultitoolProblems(const std::string& log_path) {
  const TempDir dir;
  const std::string report = dir.path() + "/validation.sarif";
  const CliRun run = RunShell(
      "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 " + SarifMultitool() +
      " validate --rule-kind \"Sarif;Gh\" --level \"Error;Warning\" --log ForceOverwrite "
      "--output " +
      report + " " + log_path);
  if (run.exit_code != 0) return "multitool exit " + std::to_string(run.exit_code) + ": " + run.out;
  std::string problems;
  const nlohmann::json validation = nlohmann::json::parse(ReadFile(report));
  for (const auto& result : validation["runs"][0]["results"]) {
    // kestra-lint has no home page for tool.driver.informationUri yet.
    if (result.value("ruleId", "") == "SARIF2005" &&
        result["message"]["id"] == "Warning_ProvideToolnformationUri") {
      continue;
    }
    problems += result.value("ruleId", "") + ": " + result["message"].dump() + "\n";
  }
  return problems.empty() ? "" : problems + run.out;
}

// xmllint's complaints about `xml` ("" when it is well-formed).
inline std::string XmlProblems(const std::string& xml) {
  const TempDir dir;
  const std::string path = dir.Write("document.xml", xml);
  const CliRun run = RunShell(std::string(kXmllint) + " --noout " + path + " 2>&1");
  return run.exit_code == 0 ? "" : "xmllint exit " + std::to_string(run.exit_code) + ": " + run.out;
}

}  // namespace kestra_lint::testing
