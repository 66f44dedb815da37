#include "extract/flat_files.h"

#include <vector>

#include "extract/environment.h"
#include "extract/property_name.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// One logical line of a .properties file: its characters (continuations
// joined, escapes kept) and the file offset of each.
struct LogicalLine {
  std::string text;
  std::vector<size_t> offsets;
};

std::vector<LogicalLine> PropertiesLines(const std::string& text) {
  std::vector<LogicalLine> lines;
  size_t at = 0;
  while (at < text.size()) {
    LogicalLine line;
    bool continued = true;
    bool first = true;
    while (continued && at < text.size()) {
      continued = false;
      while (at < text.size() && IsSpace(text[at])) ++at;  // leading blanks
      if (first && at < text.size() && (text[at] == '#' || text[at] == '!')) {
        while (at < text.size() && text[at] != '\n' && text[at] != '\r') ++at;
      }
      first = false;
      size_t end = at;
      while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
      size_t backslashes = 0;
      while (end - backslashes > at && text[end - backslashes - 1] == '\\') ++backslashes;
      size_t content_end = end;
      if (backslashes % 2 == 1) {
        continued = true;
        --content_end;
      }
      for (size_t i = at; i < content_end; ++i) {
        line.text += text[i];
        line.offsets.push_back(i);
      }
      at = end;
      if (at < text.size() && text[at] == '\r') ++at;
      if (at < text.size() && text[at] == '\n') ++at;
    }
    if (!line.text.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

void ExtractPropertiesFile(ScannedFile& file) {
  for (const LogicalLine& line : PropertiesLines(file.source.text())) {
    const std::string& text = line.text;
    size_t key_end = 0;
    std::string key;
    while (key_end < text.size()) {
      const char c = text[key_end];
      if (c == '\\' && key_end + 1 < text.size()) {
        key += text[key_end + 1];
        key_end += 2;
        continue;
      }
      if (c == '=' || c == ':' || IsSpace(c)) break;
      key += c;
      ++key_end;
    }
    if (key.empty()) continue;
    size_t value_begin = key_end;
    while (value_begin < text.size() && IsSpace(text[value_begin])) ++value_begin;
    if (value_begin < text.size() && (text[value_begin] == '=' || text[value_begin] == ':')) {
      ++value_begin;
      while (value_begin < text.size() && IsSpace(text[value_begin])) ++value_begin;
    }
    const std::string value = text.substr(value_begin);
    auto to_file = [&](size_t i) {
      const size_t index = value_begin + i;
      return index < line.offsets.size() ? line.offsets[index] : line.offsets.back() + 1;
    };
    PropertyRecord record;
    record.source = PropertyRecord::Source::kProperties;
    record.key = CanonicalKey(key);
    record.spelled = key;
    record.written = key;
    record.value = value;
    record.has_scalar_value = true;
    record.key_span = Span{line.offsets[0], line.offsets[key_end - 1] + 1};
    record.value_span =
        value.empty() ? record.key_span : Span{to_file(0), to_file(value.size() - 1) + 1};
    file.properties.push_back(std::move(record));
    ExtractStringUris(file, value, to_file, CanonicalKey(key), "");
  }
}

void ExtractEnvFile(ScannedFile& file) {
  // Compose reads the file named .env beside it for interpolation.
  const bool is_compose_dotenv = BaseName(file.path) == ".env";
  for (int number = 1; number <= file.source.line_count(); ++number) {
    const std::string_view line = file.source.Line(number);
    const size_t line_start = file.source.LineStart(number);
    size_t at = 0;
    while (at < line.size() && IsSpace(line[at])) ++at;
    if (at >= line.size() || line[at] == '#') continue;
    if (line.substr(at, 7) == "export " || line.substr(at, 7) == "export\t") {
      at += 7;
      while (at < line.size() && IsSpace(line[at])) ++at;
    }
    const size_t name_begin = at;
    while (at < line.size() && line[at] != '=' && !IsSpace(line[at])) ++at;
    const std::string_view name = line.substr(name_begin, at - name_begin);
    while (at < line.size() && IsSpace(line[at])) ++at;
    if (name.empty() || at >= line.size() || line[at] != '=') continue;
    ++at;
    while (at < line.size() && IsSpace(line[at])) ++at;
    size_t value_begin = at;
    size_t value_end = line.size();
    if (at < line.size() && (line[at] == '"' || line[at] == '\'')) {
      const char quote = line[at];
      value_begin = at + 1;
      const size_t close = line.find(quote, value_begin);
      value_end = close == std::string_view::npos ? line.size() : close;
    } else {
      for (size_t i = at; i < line.size(); ++i) {
        if (line[i] == '#' && i > at && IsSpace(line[i - 1])) {
          value_end = i;
          break;
        }
      }
      while (value_end > value_begin && IsSpace(line[value_end - 1])) --value_end;
    }
    const std::string_view value = line.substr(value_begin, value_end - value_begin);
    const size_t value_offset = line_start + value_begin;
    const Span name_span{line_start + name_begin, line_start + name_begin + name.size()};
    if (is_compose_dotenv) {
      file.dotenv_variables.push_back({std::string(name), std::string(value), name_span});
    }
    AddEnvironmentVariable(
        file, name, name_span, value, [value_offset](size_t i) { return value_offset + i; }, true,
        "");
  }
}

SourceKind PropertiesSourceKind() {
  SourceKind kind;
  kind.name = "properties";
  kind.description = "Java properties";
  kind.file_patterns = {"*.properties"};
  kind.recognised_by_file_patterns = true;
  kind.extract_text = ExtractPropertiesFile;
  return kind;
}

SourceKind EnvFileSourceKind() {
  SourceKind kind;
  kind.name = "env file";
  kind.description = "Env files";
  kind.file_patterns = {".env", "*.env", ".env.*"};
  kind.recognised_by_file_patterns = true;
  kind.extract_text = ExtractEnvFile;
  return kind;
}

}  // namespace kestra_lint
