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

// The shapes that once leaked (issue 12, item 6), each with its class.
TEST(RedactLineTest, MasksEveryShapeOfCredential) {
  const struct {
    const char* line;
    const char* shown;
  } cases[] = {
      {"curl -u admin:s3cret http://k/api/v1/flows", "curl -u **** http://k/api/v1/flows"},
      {"curl --user=admin:s3cret http://k", "curl --user=**** http://k"},
      {"curl --user admin:s3cret http://k", "curl --user **** http://k"},
      {"curl -H 'Authorization: token ghp_abc123' http://k",
       "curl -H 'Authorization: ****' http://k"},
      {"  Authorization: Digest username=\"a\", response=\"b\"", "  Authorization: ****"},
      {"JAVA_OPTS: -Xmx1g -Dpassword=s3cret -Dother=1",
       "JAVA_OPTS: -Xmx1g -Dpassword=**** -Dother=1"},
      {"JAVA_OPTS: \"-Dkestra.ee.license.key=ABC-123 -Xmx2g\"",
       "JAVA_OPTS: \"-Dkestra.ee.license.key=**** -Xmx2g\""},
      {"  password: correct horse battery staple", "  password: ****"},
      {"  password: two words # a comment", "  password: **** # a comment"},
      {"license: {key: ABC DEF, id: x}", "license: ****"},
      {"  - {name: app, token: abc def}", "  - {name: app, token: ****}"},
      {"cb: https://k/cb#access_token=abc.def&state=1",
       "cb: https://k/cb#access_token=****&state=1"},
      {"blob: https://a.blob.core/c?sv=1&sig=AbC%2Fd&se=2",
       "blob: https://a.blob.core/c?sv=1&sig=****&se=2"},
      {"url: jdbc:postgresql://kestra:pa/ss@db:5432/kestra",
       "url: jdbc:postgresql://****@db:5432/kestra"},
      {"url: jdbc:postgresql://db/k?user=k&password=p4ss",
       "url: jdbc:postgresql://db/k?user=k&password=****"},
      {"  password = \"tf-s3cret\"", "  password = \"****\""},
      {"kestra.ee.license.key=ABC DEF", "kestra.ee.license.key=****"},
      {"  \"apiToken\" : \"abc\"", "  \"apiToken\" : \"****\""},
      {"  - DB_PASSWORD=s3cret", "  - DB_PASSWORD=****"},
      {"export AWS_SECRET_ACCESS_KEY=abc/def", "export AWS_SECRET_ACCESS_KEY=****"},
      {"  - {name: DB_PASSWORD, value: s3cret}", "  - {name: DB_PASSWORD, value: ****}"},
      {"args: [\"--token\", \"abc\"]", "args: [\"--token\", \"****\"]"},
  };
  for (const auto& c : cases) EXPECT_EQ(RedactLine(c.line), c.shown) << c.line;
}

TEST(RedactLineTest, KeepsReferencesAndOrdinaryTextWhole) {
  for (const char* line : {
           "  password: ${{ secrets.KESTRA_PASSWORD }}",
           "  password: \"{{ secret('DB_PASSWORD') }}\"",
           "  token: ${KESTRA_TOKEN}",
           "  license: |",
           "  url: http://kestra:8080/api/v1/flows",
           "  basic-auth:",
           "  tenant: main",
       }) {
    EXPECT_EQ(RedactLine(line), line);
  }
  EXPECT_EQ(RedactLine("JAVA_OPTS: -Dpassword=${{ secrets.X }} -Xmx1g"),
            "JAVA_OPTS: -Dpassword=${{ secrets.X }} -Xmx1g");
}

std::string LineOf(const std::string& text, int number) {
  size_t begin = 0;
  for (int line = 1; line < number; ++line) begin = text.find('\n', begin) + 1;
  size_t end = text.find('\n', begin);
  if (end == std::string::npos) end = text.size();
  return RedactLineOf(text, begin, end);
}

TEST(RedactLineOfTest, MasksBlockScalarsUnderSecretKeysAndNamedEnvValues) {
  const std::string values =
      "kestra:\n"
      "  credentials:\n"
      "    id: abc\n"
      "  license: |\n"
      "    ABCDEF-1234\n"
      "      GHIJ\n"
      "  note: |\n"
      "    public text\n"
      "env:\n"
      "  - name: DB_PASSWORD\n"
      "    value: s3cret words\n"
      "  - name: MODE\n"
      "    value: plain\n"
      "  - value: \"first\"\n"
      "    name: API_TOKEN\n";
  EXPECT_EQ(LineOf(values, 3), "    id: ****");
  EXPECT_EQ(LineOf(values, 5), "    ****");
  EXPECT_EQ(LineOf(values, 6), "      ****");
  EXPECT_EQ(LineOf(values, 8), "    public text");
  EXPECT_EQ(LineOf(values, 11), "    value: ****");
  EXPECT_EQ(LineOf(values, 13), "    value: plain");
  EXPECT_EQ(LineOf(values, 14), "  - value: \"****\"");
  const std::string terraform =
      "env {\n"
      "  name  = \"KESTRA_PASSWORD\"\n"
      "  value = \"tf-s3cret\"\n"
      "}\n";
  EXPECT_EQ(LineOf(terraform, 3), "  value = \"****\"");
}

TEST(ExcerptTest, KeepsTheCaretOnItsTargetAfterMasking) {
  const std::string line =
      "curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA==' http://k:8080/api/v1/flows";
  const size_t uri = line.find("http://");
  const Excerpt excerpt = ExcerptOf(line, 0, line.size(), uri, line.size());
  EXPECT_EQ(excerpt.text, "curl -H 'Authorization: ****' http://k:8080/api/v1/flows");
  EXPECT_EQ(excerpt.text.substr(static_cast<size_t>(excerpt.caret_column - 1)),
            "http://k:8080/api/v1/flows");
  EXPECT_EQ(excerpt.caret_width, 26);
}

TEST(ExcerptTest, ShowsAWindowOfALongLineAroundTheFinding) {
  std::string line;
  while (line.size() < 100000) line += "x ";
  line.replace(60000, 12, "http://x/api");
  line.replace(59950, 18, "-Dpassword=s3cret ");
  const Excerpt excerpt = ExcerptOf(line, 0, line.size(), 60000, 60012);
  EXPECT_LE(excerpt.text.size(), kExcerptWidth + 6);
  EXPECT_EQ(excerpt.text.substr(0, 3), "...");
  EXPECT_EQ(excerpt.text.substr(excerpt.text.size() - 3), "...");
  EXPECT_EQ(excerpt.text.substr(static_cast<size_t>(excerpt.caret_column - 1), 12), "http://x/api");
  EXPECT_EQ(excerpt.caret_width, 12);
  EXPECT_EQ(excerpt.text.find("s3cret"), std::string::npos);
}

TEST(ExcerptTest, EscapesControlCharactersAndKeepsTheCaret) {
  const std::string line = "# \x1b]0;T\x07\x1b[2J url: http://k/api";
  const size_t uri = line.find("http");
  const Excerpt excerpt = ExcerptOf(line, 0, line.size(), uri, uri + 4);
  EXPECT_EQ(excerpt.text, "# \\x1b]0;T\\x07\\x1b[2J url: http://k/api");
  EXPECT_EQ(excerpt.text.substr(static_cast<size_t>(excerpt.caret_column - 1), 4), "http");
}

}  // namespace
}  // namespace kestra_lint
