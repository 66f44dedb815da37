// Secret values (passwords, tokens, keys, licenses, credentials in URIs) must
// never reach any output. Every text taken from a scanned file goes through
// these functions before it is printed: finding snippets and messages, diff
// lines, hover, audit rows and baselines.
#pragma once

#include <string>
#include <string_view>

namespace kestra_lint {

// True when a key or variable name holds a secret: password, token, secret,
// license, credential, api key, private key, signature, ...
bool IsSecretName(std::string_view name);

// `uri` with its credentials and secret-named parameters masked.
std::string RedactUri(std::string_view uri);

// One line with its secrets masked: values of secret-named keys, variables,
// -D and --options (to the end of a quoted or multi-word value), curl -u,
// Authorization headers of any scheme, credentials in URIs and secret-named
// URL parameters and fragments. A value that is only a reference
// (`${{ secrets.X }}`, `{{ secret('X') }}`) is not a secret and stays whole.
std::string RedactLine(std::string_view line);

// Line [line_begin, line_end) of `text`, masked in the light of the lines
// around it too: the body of a block scalar under a secret key, the `value`
// beside `name: DB_PASSWORD` in an env list.
std::string RedactLineOf(std::string_view text, size_t line_begin, size_t line_end);

// Every line of `text` through RedactLineOf.
std::string RedactText(std::string_view text);

// What is printed of a line under a finding: at most about kExcerptWidth
// characters around the finding (marked with "..." where cut), secrets
// masked, control characters escaped; the caret's 1-based column and width
// in that text.
struct Excerpt {
  std::string text;
  int caret_column = 0;
  int caret_width = 0;
};
inline constexpr size_t kExcerptWidth = 200;
// The excerpt of line [line_begin, line_end) of `text` for a finding over
// bytes [begin, end) (clamped to the line).
Excerpt ExcerptOf(std::string_view text, size_t line_begin, size_t line_end, size_t begin,
                  size_t end);

inline constexpr std::string_view kMask = "****";

}  // namespace kestra_lint
