// Secret values (passwords, tokens, keys, licenses, credentials in URIs) must
// never reach any output. These helpers mask them in what findings carry.
#pragma once

#include <string>
#include <string_view>

namespace kestra_lint {

// True when a key or variable name holds a secret: password, token, secret,
// license, credential, api key, private key, ...
bool IsSecretName(std::string_view name);

// `uri` with user:password@ and secret-named query parameters masked.
std::string RedactUri(std::string_view uri);

// A source line with the values of secret-named keys, URI credentials and
// bearer tokens masked, for printing under a finding.
std::string RedactLine(std::string_view line);

inline constexpr std::string_view kMask = "****";

}  // namespace kestra_lint
