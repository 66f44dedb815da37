#include "extract/environment.h"

#include <optional>

#include "extract/property_name.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

bool IsJavaOptionsVariable(std::string_view name) {
  return name == "JAVA_OPTS" || name == "KESTRA_JAVA_OPTS" || name == "JAVA_TOOL_OPTIONS";
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// What deleting option [at, end) of `options` removes: up to the next option,
// else from the end of the previous one, else the option alone. Nothing when
// those bytes of the value are not the same bytes in the file (escapes, a
// folded line break).
std::optional<JavaOptionRemoval> OptionRemoval(const std::string& text, std::string_view options,
                                               size_t at, size_t end, const ValueOffsets& to_file) {
  size_t next = end;
  while (next < options.size() && IsWhitespace(options[next])) ++next;
  size_t previous = at;
  while (previous > 0 && IsWhitespace(options[previous - 1])) --previous;
  JavaOptionRemoval removal;
  size_t begin = at;
  size_t stop = end;
  if (next < options.size()) {
    stop = next;
  } else if (previous > 0) {
    begin = previous;
  } else {
    removal.whole_value = true;
  }
  const size_t file_begin = to_file(begin);
  const size_t file_end = to_file(stop - 1) + 1;
  if (file_end < file_begin || file_end > text.size() || file_end - file_begin != stop - begin ||
      text.compare(file_begin, stop - begin, options.substr(begin, stop - begin)) != 0) {
    return std::nullopt;
  }
  removal.span = Span{file_begin, file_end};
  return removal;
}

}  // namespace

void AddEnvironmentVariable(ScannedFile& file, std::string_view name, Span name_span,
                            std::string_view value, const ValueOffsets& value_to_file,
                            bool has_value, const std::string& origin) {
  if (IsJavaOptionsVariable(name)) {
    AddJavaOptions(file, value, value_to_file,
                   origin.empty() ? std::string(name) : origin + " > " + std::string(name));
  } else if (StartsWith(name, "KESTRA_") && name != "KESTRA_CONFIGURATION") {
    PropertyRecord record;
    record.source = PropertyRecord::Source::kEnvironment;
    record.key = EnvironmentVariableKey(name);
    record.spelled = std::string(name);
    record.written = record.spelled;
    record.value = std::string(value);
    record.has_scalar_value = has_value;
    record.key_span = name_span;
    record.value_span = has_value && !value.empty()
                            ? Span{value_to_file(0), value_to_file(value.size() - 1) + 1}
                            : name_span;
    record.origin = origin;
    file.properties.push_back(std::move(record));
  }
  ExtractStringUris(file, value, value_to_file, std::string(name), origin);
}

void AddJavaOptions(ScannedFile& file, std::string_view options, const ValueOffsets& to_file,
                    const std::string& origin) {
  size_t at = 0;
  while (at < options.size()) {
    while (at < options.size() && IsWhitespace(options[at])) ++at;
    size_t end = at;
    while (end < options.size() && !IsWhitespace(options[end])) ++end;
    const std::string_view token = options.substr(at, end - at);
    if (StartsWith(token, "-D") && token.size() > 2) {
      const size_t equals = token.find('=');
      const std::string_view key =
          token.substr(2, equals == std::string_view::npos ? std::string_view::npos : equals - 2);
      if (!key.empty()) {
        PropertyRecord record;
        record.source = PropertyRecord::Source::kJavaOption;
        record.key = CanonicalKey(key);
        record.spelled = std::string(key);
        record.written = record.spelled;
        record.key_span = Span{to_file(at + 2), to_file(at + 2 + key.size() - 1) + 1};
        if (equals != std::string_view::npos) {
          std::string_view value = token.substr(equals + 1);
          size_t value_begin = at + equals + 1;
          if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
              value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
            ++value_begin;
          }
          record.value = std::string(value);
          record.has_scalar_value = true;
          record.value_span = value.empty() ? record.key_span
                                            : Span{to_file(value_begin),
                                                   to_file(value_begin + value.size() - 1) + 1};
        } else {
          record.value_span = record.key_span;
        }
        record.origin = origin;
        record.option_removal = OptionRemoval(file.source.text(), options, at, end, to_file);
        file.properties.push_back(std::move(record));
      }
    }
    at = end;
  }
}

}  // namespace kestra_lint
