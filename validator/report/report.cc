#include "report/report.h"

namespace kestra_lint {

bool FailsOn(Severity severity, FailOn fail_on) {
  switch (fail_on) {
    case FailOn::kError:
      return severity == Severity::kError;
    case FailOn::kWarning:
      return severity != Severity::kInfo;
    case FailOn::kInfo:
      return true;
    case FailOn::kNever:
      return false;
  }
  return false;
}

int ExitCodeFor(const ScanResult& result, FailOn fail_on) {
  for (const Finding& finding : result.findings) {
    if (!finding.suppressed && FailsOn(finding.severity, fail_on)) return 1;
  }
  return 0;
}

const char* ToolVersion() { return KESTRA_LINT_VERSION; }

nlohmann::ordered_json NullableString(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

const std::map<std::string, Formatter>& Formatters() {
  static const std::map<std::string, Formatter> formatters = {
      {"checkstyle", WriteCheckstyle}, {"compact", WriteCompact}, {"github", WriteGithub},
      {"gitlab", WriteGitlab},         {"json", WriteJson},       {"junit", WriteJunit},
      {"sarif", WriteSarif},           {"text", WriteText},
  };
  return formatters;
}

}  // namespace kestra_lint
