// Runs the consumers' own tools from tests (xmllint, the SARIF Multitool,
// headless Chromium). A test skips, saying what to install, only when the
// tool is absent; scripts/deps.sh installs all of them.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>

#include "test_support.h"

namespace kestra_lint::testing {

// Runs `command` through the shell; stdout and stderr together in `out`.
inline CliRun RunCommand(const std::string& command) {
  CliRun run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    run.exit_code = -1;
    return run;
  }
  std::array<char, 4096> buffer{};
  size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    run.out.append(buffer.data(), read);
  }
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

inline bool IsExecutable(const std::string& path) { return access(path.c_str(), X_OK) == 0; }

inline constexpr char kXmllint[] = "/usr/bin/xmllint";
inline constexpr char kChromium[] = "/usr/bin/chromium";

inline std::string SarifMultitool() {
  return SourceDir() +
         "/third_party/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/"
         "Sarif.Multitool";
}

// xmllint's complaints about `xml` ("" when it is well-formed).
inline std::string XmlProblems(const std::string& xml) {
  const TempDir dir;
  const std::string path = dir.Write("document.xml", xml);
  const CliRun run = RunCommand(std::string(kXmllint) + " --noout " + path);
  return run.exit_code == 0 ? "" : "xmllint exit " + std::to_string(run.exit_code) + ": " + run.out;
}

}  // namespace kestra_lint::testing
