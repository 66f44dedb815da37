// SHA-256 through nettle (GnuTLS's crypto library, a Debian package): its
// assembly and SHA-extension code takes a fifth of the CPU time of a portable
// implementation (bench/components_benchmark BM_Sha256), and `check` hashes
// every file it scans.
#include "base/sha256.h"

#include <nettle/sha2.h>

#include <cstdint>

namespace kestra_lint {

std::string Sha256Hex(std::string_view data) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, data.size(), reinterpret_cast<const uint8_t*>(data.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, sizeof digest, digest);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * SHA256_DIGEST_SIZE);
  for (uint8_t byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xF];
  }
  return hex;
}

}  // namespace kestra_lint
