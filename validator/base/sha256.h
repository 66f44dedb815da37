// SHA-256 (FIPS 180-4), for rule pack digests, file digests and fingerprints.
// Implemented by nettle (sha256.cc); callers see only the hex digest.
#pragma once

#include <string>
#include <string_view>

namespace kestra_lint {

// Lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace kestra_lint
