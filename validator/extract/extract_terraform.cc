#include "extract/extract_terraform.h"

#include <string_view>
#include <vector>

#include "base/source_text.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {
namespace {

struct Token {
  enum class Kind { kWord, kString, kHeredoc, kOpen, kClose, kEquals, kColon, kNewline, kOther };
  Kind kind = Kind::kOther;
  std::string text;             // kWord: the word; kString/kHeredoc: the value
  std::vector<size_t> offsets;  // kString: file offset of each value byte
  size_t begin = 0;             // file offset of the token
  size_t end = 0;
};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<Token> Tokens() {
    std::vector<Token> tokens;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '\n') {
        tokens.push_back(Single(Token::Kind::kNewline));
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++at_;
      } else if (c == '#' || (c == '/' && Next() == '/')) {
        SkipLine();
      } else if (c == '/' && Next() == '*') {
        SkipBlockComment();
      } else if (c == '"') {
        tokens.push_back(String());
      } else if (c == '<' && Next() == '<') {
        tokens.push_back(Heredoc());
      } else if (c == '{') {
        tokens.push_back(Single(Token::Kind::kOpen));
      } else if (c == '}') {
        tokens.push_back(Single(Token::Kind::kClose));
      } else if (c == '=' && Next() != '=') {
        tokens.push_back(Single(Token::Kind::kEquals));
      } else if (c == ':') {
        tokens.push_back(Single(Token::Kind::kColon));
      } else if (IsWordChar(c)) {
        Token token;
        token.kind = Token::Kind::kWord;
        token.begin = at_;
        while (at_ < text_.size() && IsWordChar(text_[at_])) ++at_;
        token.text = std::string(text_.substr(token.begin, at_ - token.begin));
        token.end = at_;
        tokens.push_back(std::move(token));
      } else {
        tokens.push_back(Single(Token::Kind::kOther));
      }
    }
    return tokens;
  }

 private:
  char Next() const { return at_ + 1 < text_.size() ? text_[at_ + 1] : '\0'; }

  Token Single(Token::Kind kind) {
    Token token;
    token.kind = kind;
    token.begin = at_;
    token.end = ++at_;
    return token;
  }

  void SkipLine() {
    while (at_ < text_.size() && text_[at_] != '\n') ++at_;
  }

  void SkipBlockComment() {
    const size_t close = text_.find("*/", at_ + 2);
    at_ = close == std::string_view::npos ? text_.size() : close + 2;
  }

  // A quoted string; escapes are decoded, ${...} interpolations kept as
  // written. An unterminated string ends at the end of its line.
  Token String() {
    Token token;
    token.kind = Token::Kind::kString;
    token.begin = at_++;
    int interpolation = 0;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '\n' && interpolation == 0) break;
      if (c == '"' && interpolation == 0) {
        ++at_;
        break;
      }
      if (c == '\\' && at_ + 1 < text_.size() && text_[at_ + 1] != '\n') {
        token.text += Unescape(text_[at_ + 1]);
        token.offsets.push_back(at_);
        at_ += 2;
        continue;
      }
      if ((c == '$' || c == '%') && Next() == '{') ++interpolation;
      if (c == '}' && interpolation > 0) --interpolation;
      token.text += c;
      token.offsets.push_back(at_++);
    }
    token.end = at_;
    return token;
  }

  static char Unescape(char c) {
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      default:
        return c;
    }
  }

  // <<EOF or <<-EOF up to the line that holds only the marker.
  Token Heredoc() {
    Token token;
    token.begin = at_;
    size_t marker_begin = at_ + 2;
    if (marker_begin < text_.size() && text_[marker_begin] == '-') ++marker_begin;
    size_t marker_end = marker_begin;
    while (marker_end < text_.size() && IsWordChar(text_[marker_end])) ++marker_end;
    const std::string_view marker = text_.substr(marker_begin, marker_end - marker_begin);
    const size_t line_end = text_.find('\n', marker_end);
    if (marker.empty() || line_end == std::string_view::npos) {
      at_ = marker_end;
      token.end = at_;
      return token;
    }
    token.kind = Token::Kind::kHeredoc;
    const size_t body = line_end + 1;
    size_t line = body;
    while (line < text_.size()) {
      size_t next = text_.find('\n', line);
      if (next == std::string_view::npos) next = text_.size();
      std::string_view content = text_.substr(line, next - line);
      while (!content.empty() && (content.front() == ' ' || content.front() == '\t')) {
        content.remove_prefix(1);
      }
      while (!content.empty() && (content.back() == ' ' || content.back() == '\r')) {
        content.remove_suffix(1);
      }
      if (content == marker) break;
      line = next + 1;
    }
    line = std::min(line, text_.size());
    token.text = std::string(text_.substr(body, line - body));
    token.offsets = {body};
    const size_t close = text_.find('\n', line);
    at_ = close == std::string_view::npos ? text_.size() : close;
    token.end = at_;
    return token;
  }

  std::string_view text_;
  size_t at_ = 0;
};

bool IsWord(const std::vector<Token>& tokens, size_t i, std::string_view word) {
  return i < tokens.size() && tokens[i].kind == Token::Kind::kWord && tokens[i].text == word;
}

bool Is(const std::vector<Token>& tokens, size_t i, Token::Kind kind) {
  return i < tokens.size() && tokens[i].kind == kind;
}

// The string's characters inside the quotes; an empty string is its quotes.
Span StringSpan(const Token& token) {
  if (token.offsets.empty()) return Span{token.begin, token.end};
  return Span{token.offsets.front(), token.offsets.back() + 1};
}

// Reads `url` and `tenant_id` of the provider block whose `{` is tokens[open];
// returns the index after its `}`.
size_t ReadProvider(const std::vector<Token>& tokens, size_t open, ScannedFile& file) {
  ClientSetting setting;
  setting.client = "terraform provider kestra";
  setting.url_key = "url";
  setting.tenant_key = "tenant_id";
  setting.origin = "provider \"kestra\"";
  int depth = 1;
  size_t i = open + 1;
  for (; i < tokens.size() && depth > 0; ++i) {
    const Token& token = tokens[i];
    if (token.kind == Token::Kind::kOpen) ++depth;
    if (token.kind == Token::Kind::kClose) --depth;
    if (depth != 1 || token.kind != Token::Kind::kWord ||
        !Is(tokens, i + 1, Token::Kind::kEquals)) {
      continue;
    }
    if (token.text == "tenant_id") file.kestra_provider_tenant_set = true;
    if (token.text == "alias" && Is(tokens, i + 2, Token::Kind::kString)) {
      setting.origin = "provider \"kestra\" (alias " + tokens[i + 2].text + ")";
    }
    if (!Is(tokens, i + 2, Token::Kind::kString)) continue;
    const Token& value = tokens[i + 2];
    if (token.text == "url") {
      setting.has_url = true;
      setting.url = value.text;
      setting.url_span = StringSpan(value);
    } else if (token.text == "tenant_id") {
      setting.has_tenant = true;
      setting.tenant = value.text;
      setting.tenant_span = StringSpan(value);
    }
  }
  if (setting.has_url || setting.has_tenant) file.clients.push_back(std::move(setting));
  return i;
}

// An object attribute: `key = value`, or `key: value` in an object
// expression, with the key a name or a quoted string.
bool IsAttribute(const std::vector<Token>& tokens, size_t i) {
  return (Is(tokens, i, Token::Kind::kWord) || Is(tokens, i, Token::Kind::kString)) &&
         (Is(tokens, i + 1, Token::Kind::kEquals) || Is(tokens, i + 1, Token::Kind::kColon));
}

// Kestra's provider, from any registry host: [HOST/]kestra-io/kestra.
// Registry namespaces and types are case-insensitive.
bool IsKestraProviderSource(const std::string& source) {
  const std::string address = AsciiLower(source);
  const size_t slash = address.find('/');
  const std::string_view rest =
      std::string_view(address).substr(slash == std::string::npos ? 0 : slash + 1);
  return address == "kestra-io/kestra" || (slash > 0 && rest == "kestra-io/kestra");
}

void AddRequirement(const std::string& name, const Token& version, ScannedFile& file) {
  file.kestra_provider_requirements.push_back(
      {version.text, StringSpan(version), "required_providers > " + name});
}

// One entry of required_providers whose `{` is tokens[open]: Kestra's when
// its source says so, or, without a source, when it is named kestra.
void ReadRequirement(const std::vector<Token>& tokens, size_t open, const std::string& name,
                     ScannedFile& file) {
  const Token* source = nullptr;
  const Token* version = nullptr;
  int depth = 1;
  for (size_t i = open + 1; i < tokens.size() && depth > 0; ++i) {
    if (tokens[i].kind == Token::Kind::kOpen) ++depth;
    if (tokens[i].kind == Token::Kind::kClose) --depth;
    if (depth != 1 || !IsAttribute(tokens, i) || !Is(tokens, i + 2, Token::Kind::kString)) {
      continue;
    }
    if (tokens[i].text == "source") source = &tokens[i + 2];
    if (tokens[i].text == "version") version = &tokens[i + 2];
  }
  const bool kestra = source ? IsKestraProviderSource(source->text) : name == "kestra";
  if (kestra && version) AddRequirement(name, *version, file);
}

// The entries of the required_providers block whose `{` is tokens[open]:
// `name = { ... }`, the block form `name { ... }` of older examples, and the
// legacy `kestra = "~> 0.18"` form, a version constraint alone.
void ReadRequiredProviders(const std::vector<Token>& tokens, size_t open, ScannedFile& file) {
  int depth = 1;
  for (size_t i = open + 1; i < tokens.size() && depth > 0; ++i) {
    if (tokens[i].kind == Token::Kind::kOpen) ++depth;
    if (tokens[i].kind == Token::Kind::kClose) --depth;
    if (depth != 1) continue;
    const std::string& name = tokens[i].text;
    if (Is(tokens, i, Token::Kind::kWord) && Is(tokens, i + 1, Token::Kind::kOpen)) {
      ReadRequirement(tokens, i + 1, name, file);
    } else if (!IsAttribute(tokens, i)) {
      continue;
    } else if (Is(tokens, i + 2, Token::Kind::kString) && name == "kestra") {
      AddRequirement(name, tokens[i + 2], file);
    } else if (Is(tokens, i + 2, Token::Kind::kOpen)) {
      ReadRequirement(tokens, i + 2, name, file);
    }
  }
}

// The required_providers blocks of the terraform block whose `{` is tokens[open].
void ReadTerraformBlock(const std::vector<Token>& tokens, size_t open, ScannedFile& file) {
  int depth = 1;
  for (size_t i = open + 1; i < tokens.size() && depth > 0; ++i) {
    if (tokens[i].kind == Token::Kind::kOpen) ++depth;
    if (tokens[i].kind == Token::Kind::kClose) --depth;
    if (depth == 1 && IsWord(tokens, i, "required_providers") &&
        Is(tokens, i + 1, Token::Kind::kOpen)) {
      ReadRequiredProviders(tokens, i + 1, file);
    }
  }
}

void ExtractUris(const Token& token, ScannedFile& file) {
  if (token.kind == Token::Kind::kString) {
    ExtractStringUris(
        file, token.text, [&](size_t i) { return token.offsets[i]; }, "", "");
  } else if (token.kind == Token::Kind::kHeredoc) {
    const size_t body = token.offsets.front();
    ExtractStringUris(
        file, token.text, [&](size_t i) { return body + i; }, "", "");
  }
}

}  // namespace

void ExtractTerraformFile(ScannedFile& file) {
  const std::vector<Token> tokens = Scanner(file.source.text()).Tokens();
  int depth = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    ExtractUris(token, file);
    if (token.kind == Token::Kind::kOpen) ++depth;
    if (token.kind == Token::Kind::kClose && depth > 0) --depth;
    if (depth == 0 && IsWord(tokens, i, "terraform") && Is(tokens, i + 1, Token::Kind::kOpen)) {
      ReadTerraformBlock(tokens, i + 1, file);
    }
    if (depth == 0 && IsWord(tokens, i, "provider") && Is(tokens, i + 1, Token::Kind::kString) &&
        tokens[i + 1].text == "kestra" && Is(tokens, i + 2, Token::Kind::kOpen)) {
      const size_t after = ReadProvider(tokens, i + 2, file);
      for (size_t j = i + 1; j < after; ++j) ExtractUris(tokens[j], file);
      i = after - 1;
    }
  }
}

SourceKind TerraformSourceKind() {
  SourceKind kind;
  kind.name = "terraform";
  kind.description = "Terraform";
  kind.file_patterns = {"*.tf"};
  kind.recognised_by_file_patterns = true;
  kind.comment_signs = {"#", "//", "/*"};
  kind.extract_text = ExtractTerraformFile;
  return kind;
}

}  // namespace kestra_lint
