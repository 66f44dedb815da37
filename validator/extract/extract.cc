// The extract stage's dispatch: the registry (source_kinds.def) decides a
// file's kind, by name and then by each YAML document's content, and that
// kind's extractor fills the records.
#include "extract/extract.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "extract/code_uris.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

// An alias used twice (one x-environment anchor shared by several Compose
// services) yields the same record or problem twice: keep one per place.
void DropRepeatedRecords(ScannedFile& file) {
  std::set<std::tuple<size_t, size_t, std::string>> seen_properties;
  std::vector<PropertyRecord> properties;
  for (PropertyRecord& record : file.properties) {
    if (seen_properties.insert({record.key_span.begin, record.key_span.end, record.key}).second) {
      properties.push_back(std::move(record));
    }
  }
  file.properties = std::move(properties);
  std::set<std::pair<size_t, size_t>> seen_uris;
  std::vector<UriRecord> uris;
  for (UriRecord& record : file.uris) {
    if (seen_uris.insert({record.span.begin, record.span.end}).second) {
      uris.push_back(std::move(record));
    }
  }
  file.uris = std::move(uris);
  std::set<std::tuple<size_t, std::string, std::string>> seen_problems;
  std::vector<FileProblem> problems;
  for (FileProblem& problem : file.problems) {
    if (seen_problems.insert({problem.span.begin, problem.rule_id, problem.message}).second) {
      problems.push_back(std::move(problem));
    }
  }
  file.problems = std::move(problems);
}

// A file whose name says nothing of YAML (a script named on the command line,
// a README) and whose content does not parse as YAML, or parses as a bare
// scalar (prose), is text: its URIs count, YAML errors would be noise.
// Standard input without --stdin-filename ("<stdin>") stays YAML.
bool IsTextNotYaml(const ScannedFile& file, const YamlParseResult& parsed) {
  const std::string_view name = BaseName(file.path);
  if (IsYamlName(name) || (!name.empty() && name.front() == '<')) return false;
  for (const FileProblem& problem : file.problems) {
    if (problem.rule_id == "yaml-syntax") return true;
  }
  for (const YamlDocument& document : parsed.documents) {
    if (!document.IsMap(document.root) && !document.IsSequence(document.root)) return true;
  }
  return false;
}

}  // namespace

FileKind KindFromName(std::string_view path) {
  const std::string_view name = BaseName(path);
  for (const SourceKind& kind : SourceKinds()) {
    if (kind.recognised_by_file_patterns &&
        std::any_of(kind.file_patterns.begin(), kind.file_patterns.end(),
                    [&](std::string_view pattern) { return NameMatchesPattern(pattern, name); })) {
      return kind.kind;
    }
    if (kind.recognised_by_name != nullptr && kind.recognised_by_name(path)) return kind.kind;
  }
  return FileKind::kOtherYaml;
}

FileKind KindFromContent(const YamlDocument& document) {
  // Only a mapping at the top says what a YAML document is.
  if (!document.IsMap(document.root)) return FileKind::kOtherYaml;
  for (const SourceKind& kind : SourceKinds()) {
    if (kind.recognised_by_content != nullptr && kind.recognised_by_content(document)) {
      return kind.kind;
    }
  }
  return FileKind::kOtherYaml;
}

void ExtractFile(ScannedFile& file) {
  file.kind = KindFromName(file.path);
  const SourceKind& named = SourceKindOf(file.kind);
  if (named.extract_text != nullptr) {
    named.extract_text(file);
    return;
  }
  const TextView view(file.source.text());
  const YamlParseResult parsed = LoadYaml(file, view);
  if (file.kind == FileKind::kOtherYaml && IsTextNotYaml(file, parsed)) {
    file.problems.clear();
    file.kind = FileKind::kText;
    ExtractCodeUris(file);
    return;
  }
  const bool is_named = file.kind != FileKind::kOtherYaml;
  for (const YamlDocument& document : parsed.documents) {
    const FileKind kind = is_named ? file.kind : KindFromContent(document);
    if (!is_named && file.kind == FileKind::kOtherYaml) file.kind = kind;
    SourceKindOf(kind).extract_document(file, view, document);
  }
  DropRepeatedRecords(file);
}

ScannedFile ExtractText(std::string path, std::string text) {
  ScannedFile file;
  file.path = std::move(path);
  file.source = SourceText(std::move(text));
  ExtractFile(file);
  return file;
}

}  // namespace kestra_lint
