#include "report/report.h"

#include <algorithm>

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

std::vector<FileFindings> FindingsByFile(const ScanResult& result) {
  std::vector<FileFindings> files;
  for (const ScannedFileSummary& file : result.files) files.push_back({&file.path, true});
  for (size_t i = 0; i < result.findings.size(); ++i) {
    if (i == 0 || result.findings[i].path != result.findings[i - 1].path) {
      files.push_back({&result.findings[i].path, false});
    }
  }
  std::stable_sort(files.begin(), files.end(), [](const FileFindings& a, const FileFindings& b) {
    return *a.path < *b.path || (*a.path == *b.path && a.scanned && !b.scanned);
  });
  files.erase(
      std::unique(files.begin(), files.end(),
                  [](const FileFindings& a, const FileFindings& b) { return *a.path == *b.path; }),
      files.end());
  const Finding* next = result.findings.data();
  const Finding* const last = next + result.findings.size();
  for (FileFindings& file : files) {
    file.begin = next;
    while (next != last && next->path == *file.path) ++next;
    file.end = next;
  }
  return files;
}

const std::map<std::string, Formatter>& Formatters() {
  static const std::map<std::string, Formatter> formatters = {
      {"checkstyle", WriteCheckstyle}, {"compact", WriteCompact}, {"github", WriteGithub},
      {"gitlab", WriteGitlab},         {"json", WriteJson},       {"junit", WriteJunit},
      {"sarif", WriteSarif},           {"text", WriteText},
  };
  return formatters;
}

bool FormatNamesFileHashes(const std::string& format) { return format == "sarif"; }

}  // namespace kestra_lint
