#include "base/secrets.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

TEST(RedactLineTest, MasksBearerAndBasicCredentialsInAnyCase) {
  EXPECT_EQ(RedactLine("  curl -H 'Authorization: Bearer abc.def' http://k/api/v1/x"),
            "  curl -H 'Authorization: ****' http://k/api/v1/x");
  EXPECT_EQ(RedactLine("header: BEARER abc.def"), "header: BEARER ****");
  EXPECT_EQ(RedactLine("header: basic dXNlcjpwdw=="), "header: basic ****");
  EXPECT_EQ(RedactLine("note: bearers abc"), "note: bearers abc");
}

TEST(RedactLineTest, MasksSecretKeysAndUriCredentials) {
  EXPECT_EQ(RedactLine("  password: hunter2"), "  password: ****");
  EXPECT_EQ(RedactLine("url: http://admin:pw@kestra:8080/api"), "url: http://****@kestra:8080/api");
}

}  // namespace
}  // namespace kestra_lint
