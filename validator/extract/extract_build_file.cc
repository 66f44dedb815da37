// Build files: Makefiles, Dockerfiles and Justfiles. Their recipes call the
// API like scripts do; a Dockerfile built FROM a Kestra image says the
// installation's edition and version as a Compose image does.
#include "base/source_text.h"
#include "extract/code_uris.h"
#include "extract/deployment_yaml.h"
#include "extract/source_kind.h"

namespace kestra_lint {
namespace {

bool IsDockerfileName(std::string_view name) {
  return NameMatchesPattern("Dockerfile*", name) || NameMatchesPattern("*.Dockerfile", name) ||
         NameMatchesPattern("*.dockerfile", name) || NameMatchesPattern("Containerfile*", name);
}

// `FROM [--platform=...] image[:tag] [AS name]`: the image's edition and,
// from its tag, the version the installation runs.
void ExtractBaseImages(ScannedFile& file) {
  for (int number = 1; number <= file.source.line_count(); ++number) {
    const std::string_view line = file.source.Line(number);
    size_t at = 0;
    while (at < line.size() && IsSpaceOrTab(line[at])) ++at;
    if (line.size() < at + 5 || AsciiLower(line.substr(at, 4)) != "from" ||
        !IsSpaceOrTab(line[at + 4])) {
      continue;
    }
    at += 4;
    for (;;) {
      while (at < line.size() && IsSpaceOrTab(line[at])) ++at;
      if (line.compare(at, 2, "--") != 0) break;
      while (at < line.size() && !IsSpaceOrTab(line[at])) ++at;
    }
    size_t end = at;
    while (end < line.size() && !IsSpaceOrTab(line[end]) && line[end] != '\r') ++end;
    const std::string_view image = line.substr(at, end - at);
    const std::optional<Edition> edition = KestraImageEdition(image);
    if (!edition) continue;
    const size_t begin = file.source.LineStart(number) + at;
    const Span span{begin, begin + image.size()};
    file.evidence.push_back({*edition, "FROM " + std::string(image), span});
    if (const std::optional<Version> version = Version::ParseImageTag(TagOfImage(image))) {
      file.running_versions.push_back({*version, "FROM " + std::string(image), span});
    }
  }
}

void ExtractBuildFile(ScannedFile& file) {
  if (IsDockerfileName(BaseName(file.path))) ExtractBaseImages(file);
  ExtractCodeUris(file);
}

}  // namespace

SourceKind BuildFileSourceKind() {
  SourceKind kind;
  kind.name = "build file";
  kind.description = "Build files";
  kind.file_patterns = {"Makefile",      "makefile",     "GNUmakefile",  "*.mk",
                        "Dockerfile",    "Dockerfile.*", "*.Dockerfile", "*.dockerfile",
                        "Containerfile", "Justfile",     "justfile",     "*.just"};
  kind.recognised_by_file_patterns = true;
  kind.comment_signs = {"#"};
  kind.extract_text = ExtractBuildFile;
  return kind;
}

}  // namespace kestra_lint
