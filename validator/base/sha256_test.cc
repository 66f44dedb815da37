// Sha256Hex against the FIPS 180-4 examples: pack digests, file digests in
// SARIF and audit reports and finding fingerprints must match `sha256sum`.
#include "base/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace kestra_lint {
namespace {

TEST(Sha256Test, EmptyInput) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, OneBlockMessage) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// 56 bytes: the length no longer fits in the first block's padding.
TEST(Sha256Test, TwoBlockMessage) {
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, MillionBytes) {
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, BytesAboveSevenBitsAndNulHashAsBytes) {
  EXPECT_EQ(Sha256Hex(std::string("\xff\x00\x80", 3)),
            "ef192b7af54e943f206ab27075ec1805384c972c9959fc5820f1fa7d5268fcef");
}

}  // namespace
}  // namespace kestra_lint
