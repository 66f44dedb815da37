#include "base/secrets.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/markup_escape.h"
#include "base/source_text.h"

namespace kestra_lint {
namespace {

// Bytes [begin, end) of a line that are printed as kMask.
struct Masked {
  size_t begin = 0;
  size_t end = 0;
};

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsNameChar(char c) { return IsAlnum(c) || c == '_' || c == '-' || c == '.'; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsQuote(char c) { return c == '"' || c == '\'' || c == '`'; }

bool EqualsIgnoringCase(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != lower[i]) return false;
  }
  return true;
}

size_t SkipBlanks(std::string_view line, size_t at) {
  while (at < line.size() && IsBlank(line[at])) ++at;
  return at;
}

// `text` without surrounding blanks and one pair of quotes.
std::string_view Unquoted(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && (IsBlank(text.back()) || text.back() == ',')) text.remove_suffix(1);
  if (text.size() >= 2 && IsQuote(text.front()) && text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  return text;
}

// A value that only refers to a secret kept elsewhere: `${{ secrets.X }}`,
// `{{ secret('X') }}`, `${X}`, `#{x}`. Showing it helps and reveals nothing.
bool IsReference(std::string_view value) {
  value = Unquoted(value);
  if (value.size() < 3 || value.back() != '}') return false;
  return value.substr(0, 2) == "${" || value.substr(0, 2) == "{{" || value.substr(0, 2) == "#{";
}

// A block scalar indicator (`|`, `>-`, `|2+`), whose body is on the lines below.
bool IsBlockIndicator(std::string_view value) {
  value = Unquoted(value);
  const size_t comment = value.find(" #");
  if (comment != std::string_view::npos) value = Unquoted(value.substr(0, comment));
  if (value.empty() || (value[0] != '|' && value[0] != '>')) return false;
  for (size_t i = 1; i < value.size(); ++i) {
    if (value[i] != '-' && value[i] != '+' && !std::isdigit(static_cast<unsigned char>(value[i]))) {
      return false;
    }
  }
  return true;
}

// Where a flow collection opened at `open` closes (after it), or the line's end.
size_t FlowEnd(std::string_view line, size_t open) {
  int depth = 0;
  char quote = 0;
  for (size_t i = open; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return line.size();
}

// The name of an option or key as written, without -D, -- or - in front.
std::string_view OptionName(std::string_view name, bool& is_option) {
  is_option = false;
  if (name.size() > 2 && name[0] == '-' && name[1] == 'D') return name.substr(2);
  while (!name.empty() && name.front() == '-') {
    is_option = true;
    name.remove_prefix(1);
  }
  return name;
}

// Finds the secrets of one line.
class LineScanner {
 public:
  explicit LineScanner(std::string_view line) : line_(line) {}

  std::vector<Masked> Scan() {
    size_t i = 0;
    while (i < line_.size()) {
      const char c = line_[i];
      if (IsQuote(c)) {
        open_quote_ = open_quote_ == 0 ? c : (open_quote_ == c ? 0 : open_quote_);
        ++i;
      } else if (c == '{' || c == '[') {
        ++flow_depth_;
        ++i;
      } else if ((c == '}' || c == ']') && flow_depth_ > 0) {
        --flow_depth_;
        ++i;
      } else if (line_.compare(i, 3, "://") == 0) {
        i = UriCredentials(i);
      } else if (IsNameChar(c) && (i == 0 || !IsNameChar(line_[i - 1]))) {
        i = Name(i);
      } else {
        ++i;
      }
    }
    return std::move(masked_);
  }

 private:
  void Mask(size_t begin, size_t end) {
    if (end > begin) masked_.push_back({begin, end});
  }

  // The end of an unquoted value starting at `at`: a multi-word value runs to
  // the line's end (or its comment), within quotes to the closing quote, in a
  // flow collection to the next ',', '}' or ']'.
  size_t ValueEnd(size_t at, bool word_only) const {
    size_t end = at;
    if (open_quote_ != 0) {
      while (end < line_.size() && line_[end] != open_quote_) ++end;
      if (!word_only) return end;
      end = at;
    }
    if (word_only) {
      while (end < line_.size() && !IsBlank(line_[end]) && !IsQuote(line_[end]) &&
             line_[end] != ',' && line_[end] != ']' && line_[end] != '}' && line_[end] != ')') {
        ++end;
      }
      return end;
    }
    if (flow_depth_ > 0) {
      while (end < line_.size() && line_[end] != ',' && line_[end] != '}' && line_[end] != ']') {
        ++end;
      }
      return end;
    }
    end = line_.size();
    const size_t comment = line_.find(" #", at);
    if (comment != std::string_view::npos) end = comment;
    while (end > at && IsBlank(line_[end - 1])) --end;
    return end;
  }

  // Masks the value at `at`; returns where scanning goes on.
  size_t MaskValue(size_t at, bool word_only, bool url_parameter) {
    if (at >= line_.size()) return at;
    const char first = line_[at];
    if (IsQuote(first)) {
      size_t close = line_.find(first, at + 1);
      if (close == std::string_view::npos) close = line_.size();
      if (!IsReference(line_.substr(at, close + 1 - at))) Mask(at + 1, close);
      return std::min(close + 1, line_.size());
    }
    if (first == '{' || first == '[') {
      const size_t end = FlowEnd(line_, at);
      if (!IsReference(line_.substr(at, end - at))) Mask(at, end);
      return end;
    }
    size_t end;
    if (url_parameter) {
      end = at;
      while (end < line_.size() && !IsBlank(line_[end]) && !IsQuote(line_[end]) &&
             line_[end] != '&' && line_[end] != '#' && line_[end] != ';') {
        ++end;
      }
    } else {
      end = ValueEnd(at, word_only);
    }
    const std::string_view value = line_.substr(at, end - at);
    if (IsReference(value) || IsBlockIndicator(value)) return end;
    // A reference written unquoted, in a value cut at blanks: skip it whole
    // rather than mask half of it.
    for (const std::string_view opener : {"${{", "{{", "${", "#{"}) {
      if (line_.compare(at, opener.size(), opener) != 0) continue;
      const std::string_view closer =
          opener.back() == '{' && opener.size() >= 2 && opener[opener.size() - 2] == '{' ? "}}"
                                                                                         : "}";
      const size_t close = line_.find(closer, at);
      if (close == std::string_view::npos) break;
      const size_t reference_end = close + closer.size();
      if (reference_end >= end || SkipBlanks(line_, reference_end) >= end) {
        return std::max(reference_end, end);
      }
      end = std::max(end, reference_end);
      break;
    }
    Mask(at, end);
    return end;
  }

  // A word or name at `begin`: a secret-named key, variable or option masks
  // its value; "Bearer x" and "Basic x" mask their credentials.
  size_t Name(size_t begin) {
    size_t end = begin;
    while (end < line_.size() && IsNameChar(line_[end])) ++end;
    const std::string_view written = line_.substr(begin, end - begin);
    bool is_option = false;
    const std::string_view name = OptionName(written, is_option);
    const char before = begin > 0 ? line_[begin - 1] : ' ';
    const bool url_parameter = before == '?' || before == '&' || before == '#' || before == ';';
    const bool at_line_start = SkipBlanks(line_, 0) == begin ||
                               (begin >= 2 && line_[begin - 1] == ' ' && line_[begin - 2] == '-' &&
                                SkipBlanks(line_, 0) == begin - 2);
    size_t after = end;
    if (after < line_.size() && IsQuote(line_[after])) ++after;
    const size_t separator = SkipBlanks(line_, after);
    const char sep = separator < line_.size() ? line_[separator] : '\0';

    if (EqualsIgnoringCase(name, "name") && (sep == ':' || sep == '=')) {
      // `name: DB_PASSWORD` makes the `value` beside it a secret.
      const size_t value = SkipBlanks(line_, separator + 1);
      size_t value_end = value;
      while (value_end < line_.size() && line_[value_end] != ',' && line_[value_end] != '}') {
        ++value_end;
      }
      named_secret_ = IsSecretName(Unquoted(line_.substr(value, value_end - value)));
      return separator + 1;
    }
    const bool secret_name =
        IsSecretName(name) || (named_secret_ && EqualsIgnoringCase(name, "value"));
    const bool user_option = is_option && (name == "u" || name == "user");
    if (is_option && (secret_name || user_option)) {
      // --password x, --user=u:p, -u u:p, "--token", "x"
      if (end < line_.size() && line_[end] == '=') return MaskValue(end + 1, true, false);
      size_t value = end;
      while (value < line_.size() &&
             (IsBlank(line_[value]) || IsQuote(line_[value]) || line_[value] == ',')) {
        if (IsQuote(line_[value])) open_quote_ = open_quote_ == 0 ? line_[value] : 0;
        ++value;
      }
      if (value == end || value >= line_.size()) return end;
      return MaskValue(value, true, false);
    }
    if (secret_name && (sep == ':' || sep == '=') &&
        !(sep == ':' && line_.compare(separator, 3, "://") == 0)) {
      if (after > end) {
        // The key's closing quote was counted as opening one.
        open_quote_ = open_quote_ == line_[end] ? 0 : open_quote_;
      }
      const size_t value = SkipBlanks(line_, separator + 1);
      const bool word_only = sep == '=' && !at_line_start && separator == after;
      return MaskValue(value, word_only, url_parameter && sep == '=');
    }
    if ((EqualsIgnoringCase(name, "bearer") || EqualsIgnoringCase(name, "basic")) &&
        end < line_.size() && line_[end] == ' ' && IsCredential(SkipBlanks(line_, end))) {
      return MaskValue(SkipBlanks(line_, end), true, false);
    }
    if (after > end) open_quote_ = open_quote_ == line_[end] ? 0 : line_[end];
    return after;
  }

  // True when the word at `at` looks like a credential, not prose ("basic
  // authentication"): not only lower-case letters.
  bool IsCredential(size_t at) const {
    bool prose = true;
    size_t end = at;
    for (; end < line_.size() && !IsBlank(line_[end]) && !IsQuote(line_[end]); ++end) {
      if (!std::islower(static_cast<unsigned char>(line_[end]))) prose = false;
    }
    return end > at && !prose;
  }

  // scheme://user:password@host: the user information is masked. A password
  // may hold '/', so an '@' after one still ends it when a ':' comes first.
  size_t UriCredentials(size_t at) {
    const size_t authority = at + 3;
    size_t end = authority;
    while (end < line_.size() && !IsBlank(line_[end]) && !IsQuote(line_[end]) &&
           line_[end] != '?' && line_[end] != '#' && line_[end] != '<' && line_[end] != '>') {
      ++end;
    }
    const std::string_view token = line_.substr(authority, end - authority);
    const size_t sign = token.rfind('@');
    if (sign != std::string_view::npos) {
      const size_t slash = token.find('/');
      const size_t colon = token.find(':');
      if (slash == std::string_view::npos || sign < slash || colon < slash) {
        Mask(authority, authority + sign);
        return authority + sign;
      }
    }
    return authority;
  }

  std::string_view line_;
  std::vector<Masked> masked_;
  char open_quote_ = 0;
  int flow_depth_ = 0;
  bool named_secret_ = false;
};

std::string Apply(std::string_view line, const std::vector<Masked>& masked) {
  std::string out;
  out.reserve(line.size());
  size_t at = 0;
  for (const Masked& range : masked) {
    if (range.begin < at) continue;
    out.append(line.substr(at, range.begin - at));
    out += kMask;
    at = range.end;
  }
  out.append(line.substr(std::min(at, line.size())));
  return out;
}

// The lines looked at around a line for its context.
constexpr int kContextLines = 200;

struct LineView {
  size_t begin = 0;
  size_t end = 0;  // without "\r\n" or "\n"
};

bool PreviousLine(std::string_view text, const LineView& line, LineView& previous) {
  if (line.begin == 0) return false;
  previous.end = line.begin - 1;
  const size_t newline =
      previous.end == 0 ? std::string_view::npos : text.rfind('\n', previous.end - 1);
  previous.begin = newline == std::string_view::npos ? 0 : newline + 1;
  if (previous.end > previous.begin && text[previous.end - 1] == '\r') --previous.end;
  return true;
}

bool NextLine(std::string_view text, const LineView& line, LineView& next) {
  size_t newline = text.find('\n', line.end);
  if (newline == std::string_view::npos) return false;
  next.begin = newline + 1;
  newline = text.find('\n', next.begin);
  next.end = newline == std::string_view::npos ? text.size() : newline;
  if (next.end > next.begin && text[next.end - 1] == '\r') --next.end;
  return true;
}

size_t Indent(std::string_view line) {
  size_t at = 0;
  while (at < line.size() && line[at] == ' ') ++at;
  return at;
}

// A `key: value` or `key = value` line: where its key starts (after "- ") and
// the key and value as written.
struct KeyLine {
  bool found = false;
  size_t key_column = 0;
  bool item = false;  // starts a sequence item
  std::string_view key;
  std::string_view value;
};

KeyLine ParseKeyLine(std::string_view line) {
  KeyLine parsed;
  size_t at = Indent(line);
  if (line.compare(at, 2, "- ") == 0) {
    parsed.item = true;
    at = SkipBlanks(line, at + 2);
  }
  parsed.key_column = at;
  size_t end = at;
  if (end < line.size() && IsQuote(line[end])) ++end;
  while (end < line.size() && IsNameChar(line[end])) ++end;
  const size_t key_end = end;
  if (end < line.size() && IsQuote(line[end])) ++end;
  end = SkipBlanks(line, end);
  if (end >= line.size() || (line[end] != ':' && line[end] != '=') || key_end == at) {
    return parsed;
  }
  parsed.found = true;
  parsed.key = Unquoted(line.substr(at, key_end - at));
  if (!parsed.key.empty() && IsQuote(parsed.key.front())) parsed.key.remove_prefix(1);
  parsed.value = Unquoted(line.substr(end + 1));
  return parsed;
}

// True when the line is inside a block scalar or a mapping whose key names a
// secret.
bool InSecretBlock(std::string_view text, const LineView& line) {
  const std::string_view content = text.substr(line.begin, line.end - line.begin);
  size_t target = Indent(content);
  if (target == 0 || target == content.size()) return false;
  LineView at = line;
  LineView previous;
  for (int seen = 0; seen < kContextLines && PreviousLine(text, at, previous); ++seen) {
    at = previous;
    const std::string_view above = text.substr(at.begin, at.end - at.begin);
    const size_t indent = Indent(above);
    if (indent == above.size() || indent >= target) continue;
    const KeyLine key = ParseKeyLine(above);
    // A block scalar, or a mapping (`license:` over `id: ...`), under a secret key.
    if (key.found && (key.value.empty() || IsBlockIndicator(key.value)) && IsSecretName(key.key)) {
      return true;
    }
    target = indent;
    if (target == 0) return false;
  }
  return false;
}

// True when the line's `value:` sits in one item with a `name:` that names a
// secret (env lists of Kubernetes, Helm and Terraform).
bool NamedSecretValue(std::string_view text, const LineView& line, const KeyLine& key) {
  auto sibling_names_secret = [&](const LineView& other, bool& stop) {
    const KeyLine sibling = ParseKeyLine(text.substr(other.begin, other.end - other.begin));
    if (!sibling.found || sibling.key_column != key.key_column) {
      stop = !sibling.found &&
             Indent(text.substr(other.begin, other.end - other.begin)) <= key.key_column;
      return false;
    }
    return EqualsIgnoringCase(sibling.key, "name") && IsSecretName(sibling.value);
  };
  LineView at = line;
  LineView other;
  for (int seen = 0; seen < 8 && !key.item && PreviousLine(text, at, other); ++seen) {
    at = other;
    bool stop = false;
    if (sibling_names_secret(other, stop)) return true;
    const KeyLine sibling = ParseKeyLine(text.substr(other.begin, other.end - other.begin));
    if (stop || sibling.item) break;
  }
  at = line;
  for (int seen = 0; seen < 8 && NextLine(text, at, other); ++seen) {
    at = other;
    const KeyLine sibling = ParseKeyLine(text.substr(other.begin, other.end - other.begin));
    if (sibling.item) break;
    bool stop = false;
    if (sibling_names_secret(other, stop)) return true;
    if (stop) break;
  }
  return false;
}

// The masked ranges of line [begin, end) of `text` (offsets in the line).
std::vector<Masked> SecretsOfLine(std::string_view text, size_t begin, size_t end) {
  const std::string_view line = text.substr(begin, end - begin);
  const LineView view{begin, end};
  if (InSecretBlock(text, view)) {
    // A key under a secret mapping keeps its name; anything else is masked whole.
    const KeyLine key = ParseKeyLine(line);
    size_t from = Indent(line);
    if (key.found) {
      from = SkipBlanks(line, line.find_first_of(":=", key.key_column) + 1);
      if (from >= line.size() || IsBlockIndicator(line.substr(from)) ||
          IsReference(line.substr(from))) {
        return {};
      }
    }
    if (from < line.size()) return {{from, line.size()}};
    return {};
  }
  std::vector<Masked> masked = LineScanner(line).Scan();
  const KeyLine key = ParseKeyLine(line);
  if (key.found && EqualsIgnoringCase(key.key, "value") && !IsReference(key.value) &&
      NamedSecretValue(text, view, key)) {
    const size_t separator = line.find_first_of(":=", key.key_column);
    size_t value = SkipBlanks(line, separator + 1);
    size_t value_end = line.size();
    while (value_end > value && IsBlank(line[value_end - 1])) --value_end;
    if (value < value_end && IsQuote(line[value]) && line[value_end - 1] == line[value]) {
      ++value;
      --value_end;
    }
    masked.clear();
    if (value < value_end) masked.push_back({value, value_end});
  }
  std::sort(masked.begin(), masked.end(),
            [](const Masked& a, const Masked& b) { return a.begin < b.begin; });
  return masked;
}

// Moves `at` back to the start of the UTF-8 character holding it.
size_t CharStart(std::string_view text, size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
    --at;
  }
  return at;
}

}  // namespace

bool IsSecretName(std::string_view name) {
  // Split into words at separators and camelCase humps, then look for a word
  // that names a secret.
  static const char* const kSecretWords[] = {
      "password",    "passwd", "pwd",    "pass",      "passphrase", "secret",
      "secrets",     "token",  "tokens", "license",   "licence",    "credential",
      "credentials", "apikey", "key",    "keys",      "privatekey", "authorization",
      "bearer",      "cookie", "sig",    "signature", "jwt"};
  std::string word;
  auto is_secret = [&]() {
    for (const char* secret : kSecretWords) {
      if (word == secret) return true;
    }
    return false;
  };
  for (size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : '\0';
    const bool hump = std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
                      std::islower(static_cast<unsigned char>(name[i - 1]));
    if (!IsAlnum(c) || hump) {
      if (is_secret()) return true;
      word.clear();
    }
    if (IsAlnum(c)) word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return false;
}

std::string RedactLine(std::string_view line) { return Apply(line, LineScanner(line).Scan()); }

std::string RedactUri(std::string_view uri) { return RedactLine(uri); }

std::string RedactLineOf(std::string_view text, size_t line_begin, size_t line_end) {
  const std::string_view line = text.substr(line_begin, line_end - line_begin);
  return Apply(line, SecretsOfLine(text, line_begin, line_end));
}

std::string RedactText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at <= text.size()) {
    size_t newline = text.find('\n', at);
    const bool last = newline == std::string_view::npos;
    if (last) newline = text.size();
    size_t end = newline;
    if (end > at && text[end - 1] == '\r') --end;
    out += RedactLineOf(text, at, end);
    out.append(text.substr(end, newline - end + (last ? 0 : 1)));
    if (last) break;
    at = newline + 1;
  }
  return out;
}

Excerpt ExcerptOf(std::string_view text, size_t line_begin, size_t line_end, size_t begin,
                  size_t end) {
  line_end = std::min(line_end, text.size());
  line_begin = std::min(line_begin, line_end);
  begin = std::clamp(begin, line_begin, line_end) - line_begin;
  end = std::clamp(end, line_begin, line_end) - line_begin;
  if (end < begin) end = begin;
  const std::string_view line = text.substr(line_begin, line_end - line_begin);
  // The window shown, and a wider one read for the secrets in it: a secret's
  // key may lie left of what is shown.
  constexpr size_t kBefore = kExcerptWidth / 3;
  constexpr size_t kMargin = 1024;
  size_t shown_begin = 0;
  size_t shown_end = line.size();
  if (line.size() > kExcerptWidth) {
    shown_begin = CharStart(line, begin > kBefore ? begin - kBefore : 0);
    shown_end = CharStart(line, std::min(line.size(), shown_begin + kExcerptWidth));
    if (shown_end <= begin) shown_end = CharStart(line, std::min(line.size(), begin + 1));
  }
  const size_t read_begin = shown_begin > kMargin ? shown_begin - kMargin : 0;
  const size_t read_end = std::min(line.size(), shown_end + kMargin);
  std::vector<Masked> masked;
  if (read_begin == 0 && read_end == line.size()) {
    masked = SecretsOfLine(text, line_begin, line_end);
  } else {
    masked = LineScanner(line.substr(read_begin, read_end - read_begin)).Scan();
    for (Masked& range : masked) {
      range.begin += read_begin;
      range.end += read_begin;
    }
  }
  // Build the shown text; `begin` and `end` follow it (into a mask they land
  // on the mask).
  std::string shown;
  size_t caret_begin = std::string::npos;
  size_t caret_end = std::string::npos;
  size_t at = shown_begin;
  auto append = [&](size_t to) {
    if (caret_begin == std::string::npos && begin >= at && begin < to) {
      caret_begin = shown.size() + (begin - at);
    }
    if (caret_end == std::string::npos && end >= at && end < to) {
      caret_end = shown.size() + (end - at);
    }
    shown.append(line.substr(at, to - at));
    at = to;
  };
  for (const Masked& range : masked) {
    if (range.end <= at || range.begin >= shown_end) continue;
    append(std::max(at, range.begin));
    const size_t mask_end = std::min(range.end, shown_end);
    if (caret_begin == std::string::npos && begin >= at && begin < mask_end) {
      caret_begin = shown.size();
    }
    if (caret_end == std::string::npos && end > at && end <= mask_end) {
      caret_end = shown.size() + kMask.size();
    }
    shown += kMask;
    at = mask_end;
  }
  append(shown_end);
  if (caret_begin == std::string::npos) caret_begin = shown.size();
  if (caret_end == std::string::npos || caret_end < caret_begin) {
    caret_end = end > begin ? shown.size() : caret_begin;
  }
  const std::string prefix = shown_begin > 0 ? "..." : "";
  const std::string before_caret = EscapeControls(shown.substr(0, caret_begin));
  const std::string under_caret =
      EscapeControls(shown.substr(caret_begin, caret_end - caret_begin));
  Excerpt excerpt;
  excerpt.text = prefix + before_caret + under_caret + EscapeControls(shown.substr(caret_end));
  if (shown_end < line.size()) excerpt.text += "...";
  excerpt.caret_column = CountCodePoints(prefix + before_caret) + 1;
  excerpt.caret_width = std::max(1, CountCodePoints(under_caret));
  return excerpt;
}

}  // namespace kestra_lint
