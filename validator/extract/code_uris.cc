#include "extract/code_uris.h"

#include <cstring>
#include <map>
#include <set>
#include <string>

#include "base/source_text.h"
#include "extract/api_uri.h"

namespace kestra_lint {
namespace {

bool IsWordStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool IsWordChar(char c) { return IsWordStart(c) || (c >= '0' && c <= '9'); }

size_t LineBegin(std::string_view text, size_t at) {
  while (at > 0 && text[at - 1] != '\n') --at;
  return at;
}

size_t LineEnd(std::string_view text, size_t at) {
  const size_t end = text.find('\n', at);
  return end == std::string_view::npos ? text.size() : end;
}

// A definition's statement: from `at` to the end of its line, continued over
// the next lines (at most 8) while a bracket it opened is still open, so
// `axios.create({` takes the `baseURL:` line below it.
std::string_view Statement(std::string_view text, size_t at) {
  int depth = 0;
  size_t end = at;
  for (int lines = 0; lines < 8 && end < text.size(); ++lines) {
    const size_t line_end = LineEnd(text, end);
    for (size_t i = end; i < line_end; ++i) {
      if (text[i] == '(' || text[i] == '{' || text[i] == '[') ++depth;
      if (text[i] == ')' || text[i] == '}' || text[i] == ']') --depth;
    }
    end = line_end;
    if (depth <= 0) break;
    if (end < text.size()) ++end;
  }
  return text.substr(at, end - at);
}

bool EndsWithKeyword(std::string_view before) {
  while (!before.empty() && IsSpaceOrTab(before.back())) before.remove_suffix(1);
  for (std::string_view keyword : {"def", "function", "func", "fun", "fn", "sub"}) {
    if (before.size() >= keyword.size() &&
        before.substr(before.size() - keyword.size()) == keyword &&
        (before.size() == keyword.size() ||
         !IsWordChar(before[before.size() - keyword.size() - 1]))) {
      return true;
    }
  }
  return false;
}

// Is the word at [begin, end) defined there: assigned (`=`, `:=`, a typed
// `name: T =`, shell `NAME=`) or declared as a function?
bool IsDefinition(std::string_view text, size_t begin, size_t end) {
  if (EndsWithKeyword(text.substr(LineBegin(text, begin), begin - LineBegin(text, begin)))) {
    return true;
  }
  size_t at = end;
  while (at < text.size() && IsSpaceOrTab(text[at])) ++at;
  if (at >= text.size()) return false;
  if (text[at] == '=') return at + 1 >= text.size() || (text[at + 1] != '=' && text[at + 1] != '>');
  if (text[at] != ':') return false;
  if (at + 1 < text.size() && text[at + 1] == '=') return true;
  // A type annotation: `KESTRA_URL: string = ...` on the same line.
  for (size_t i = at + 1; i < text.size() && i < at + 80 && text[i] != '\n'; ++i) {
    if (text[i] == '=') return i + 1 >= text.size() || text[i + 1] != '=';
    if (text[i] == ',' || text[i] == ';' || text[i] == '(' || text[i] == '{') return false;
  }
  return false;
}

// The first 40 words of `text`.
std::vector<std::string> Words(std::string_view text);

// The file's text with what it knows about Kestra, computed once per file.
class CodeContext {
 public:
  CodeContext(std::string_view path, std::string_view text)
      : text_(text), file_mentions_(MentionsKestraText(path) || MentionsKestraText(text)) {}

  bool FileMentionsKestra() const { return file_mentions_; }

  // The line holding `at` and what it says, worked out once per line: URIs
  // come in order, and a minified file holds thousands on one line.
  struct Line {
    size_t begin = std::string_view::npos;  // none yet
    size_t end = 0;
    bool mentions_kestra = false;
    std::vector<std::string> words;
  };
  const Line& LineAt(size_t at) {
    if (at < line_.begin || at >= line_.end) {
      line_.begin = LineBegin(text_, at);
      line_.end = LineEnd(text_, at);
      const std::string_view text = text_.substr(line_.begin, line_.end - line_.begin);
      line_.mentions_kestra = MentionsKestraText(text);
      line_.words = Words(text);
    }
    return line_;
  }

  // Does some definition of `word` in the file mention Kestra?
  bool DefinitionMentionsKestra(const std::string& word) {
    const auto known = definitions_.find(word);
    if (known != definitions_.end()) return known->second;
    bool mentions = false;
    for (size_t at = text_.find(word); at != std::string_view::npos && !mentions;
         at = text_.find(word, at + word.size())) {
      const size_t end = at + word.size();
      if ((at > 0 && IsWordChar(text_[at - 1])) || (end < text_.size() && IsWordChar(text_[end]))) {
        continue;
      }
      if (IsDefinition(text_, at, end)) mentions = MentionsKestraText(Statement(text_, at));
    }
    definitions_.emplace(word, mentions);
    return mentions;
  }

 private:
  std::string_view text_;
  bool file_mentions_;
  std::map<std::string, bool> definitions_;
  Line line_;
};

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (size_t i = 0; i < text.size() && words.size() < 40;) {
    if (!IsWordStart(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsWordChar(text[end])) ++end;
    words.emplace_back(text.substr(i, end - i));
    i = end;
  }
  return words;
}

bool IsLocalHost(std::string_view host) {
  for (std::string_view local :
       {"localhost", "127.0.0.1", "0.0.0.0", "[::1]", "host.docker.internal"}) {
    if (host == local) return true;
  }
  return false;
}

// Kubernetes' own core API under a namespace (pods, services, ...): not Kestra's.
bool IsKubernetesPath(const ApiUri& uri) {
  static const std::set<std::string> kResources = {
      "pods",        "services",     "configmaps",      "endpoints",
      "events",      "bindings",     "serviceaccounts", "persistentvolumeclaims",
      "limitranges", "podtemplates", "resourcequotas",  "replicationcontrollers"};
  if (uri.segments.empty()) return false;
  if (uri.segments[0] == "nodes" || uri.segments[0] == "pods" ||
      uri.segments[0] == "persistentvolumes") {
    return true;
  }
  return uri.segments[0] == "namespaces" && uri.segments.size() >= 3 &&
         kResources.count(uri.segments[2]) > 0;
}

// What the text around the URI says about its target.
bool KestraContext(std::string_view text, const ApiUriMatch& match, CodeContext& context) {
  const std::string_view uri = text.substr(match.begin, match.end - match.begin);
  const ApiUri parsed = ParseApiUri(uri);
  if (IsKubernetesPath(parsed)) return false;
  const CodeContext::Line& line = context.LineAt(match.begin);
  if (line.mentions_kestra) return true;
  for (const std::string& word : line.words) {
    if (context.DefinitionMentionsKestra(word)) return true;
  }
  const std::string_view base = uri.substr(0, match.api - match.begin);
  if (!base.empty()) {
    // A base that is not Kestra's by its name: another host, or a variable
    // nothing ties to Kestra.
    const std::string_view host = LiteralHost(base);
    if (host.empty() || !IsLocalHost(host)) return false;
  }
  return context.FileMentionsKestra();
}

// Is the URI one string literal on its own, which a fix may edit in place: a
// quoted string (or a bare word of a script or prose) that holds nothing
// but the URI, no template, placeholder or escape, and is not concatenated?
bool IsWholeLiteral(std::string_view text, const ApiUriMatch& match) {
  const std::string_view uri = text.substr(match.begin, match.end - match.begin);
  if (uri.find_first_of("{}$%<>\\") != std::string_view::npos) return false;
  const char before = match.begin > 0 ? text[match.begin - 1] : '\n';
  const char after = match.end < text.size() ? text[match.end] : '\n';
  auto blank_or_end = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  if (before == '"' || before == '\'' || before == '`') {
    if (after != before) return false;
    if (match.begin >= 2 && text[match.begin - 2] == '\\') return false;
    size_t next = match.end + 1;
    while (next < text.size() && IsSpaceOrTab(text[next])) ++next;
    size_t previous = match.begin - 1;
    while (previous > 0 && IsSpaceOrTab(text[previous - 1])) --previous;
    const bool concatenated_after = next < text.size() && (text[next] == '+' || text[next] == '.');
    const bool concatenated_before =
        previous > 0 && (text[previous - 1] == '+' || text[previous - 1] == '.');
    return !concatenated_after && !concatenated_before;
  }
  return blank_or_end(before) && blank_or_end(after);
}

}  // namespace

bool IsSilentWhenBinary(FileKind kind) {
  switch (kind) {
    case FileKind::kSourceCode:
    case FileKind::kShellScript:
    case FileKind::kBuildFile:
    case FileKind::kJson:
    case FileKind::kDocs:
    case FileKind::kHttpRequests:
      return true;
    default:
      return false;
  }
}

bool MentionsKestraText(std::string_view text) {
  static constexpr std::string_view kWord = "kestra";
  for (size_t at = 0; at + kWord.size() <= text.size(); ++at) {
    if ((text[at] | 0x20) != 'k') continue;
    size_t i = 1;
    while (i < kWord.size() && (text[at + i] | 0x20) == kWord[i]) ++i;
    if (i == kWord.size()) return true;
  }
  return false;
}

void ExtractCodeUris(ScannedFile& file) {
  // What reading found (invalid UTF-8) matters to a YAML loader, not here.
  file.problems.clear();
  const std::string& text = file.source.text();
  // The prefilter: most files of an application hold no API path at all.
  if (memmem(text.data(), text.size(), "api/v1", 6) == nullptr) return;
  CodeContext context(file.path, text);
  for (const ApiUriMatch& match : FindApiUris(text)) {
    UriRecord record;
    record.text = text.substr(match.begin, match.end - match.begin);
    record.span = Span{match.begin, match.end};
    record.kestra_context = KestraContext(text, match, context);
    record.whole_literal = IsWholeLiteral(text, match);
    file.uris.push_back(std::move(record));
  }
}

}  // namespace kestra_lint
