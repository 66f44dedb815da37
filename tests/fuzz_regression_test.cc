// Inputs the fuzz targets (tests/fuzz/) found crashing or hanging, each kept
// as the unit test of the component that failed on it.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/lint_config.h"
#include "rules/rule_pack.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {
namespace {

// yaml-cpp 0.7 emits null nodes forever on a flow indicator where a document
// starts; found by fuzz_yaml_loader as a 65-byte file, minimised to ",".
TEST(FuzzRegressionTest, LoneCommaDoesNotHangTheLoader) {
  const YamlParseResult parsed = ParseYaml(",");
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(parsed.problems[0].message,
            "malformed YAML that sends the parser into a loop; the rest of the file is not "
            "checked");
  EXPECT_EQ(parsed.problems[0].offset, 0u);
}

// The same loop, as fuzz_embedded_yaml found it inside a block string.
TEST(FuzzRegressionTest, CommaAfterBinaryBytesDoesNotHangTheLoader) {
  const std::string text(
      "\x00\x00\x00,\x00\x00\x00\x00\x00\x00\xf8\xff\x00\xff\xff\xff(|\n"
      "  ( kest]a:\n   0  tense\n",
      43);
  const YamlParseResult parsed = ParseYaml(text);
  ASSERT_FALSE(parsed.problems.empty());
  EXPECT_EQ(parsed.problems.back().kind, YamlProblem::Kind::kSyntax);
}

// yaml-cpp reads a text starting with a NUL byte (or a UTF-16 byte order
// mark) as UTF-16 or UTF-32, and its positions then count the converted text:
// a node at byte 56 of a 53-byte input (found by fuzz_yaml_loader). Such a
// text is one problem at the NUL byte, with nothing past the end.
TEST(FuzzRegressionTest, LeadingNulByteIsAProblemAtItsOffsetNotAnotherEncoding) {
  const std::string text("\x00'kestra c}: c}\n    tenants:\na      ee\x00'nablede: :0 t", 53);
  const YamlParseResult parsed = ParseYaml(text);
  EXPECT_TRUE(parsed.documents.empty());
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(parsed.problems[0].message, "NUL byte: a YAML text cannot hold one");
  EXPECT_EQ(parsed.problems[0].offset, 0u);
  const YamlParseResult later = ParseYaml(std::string("a: 1\nb: \x00\n", 10));
  ASSERT_EQ(later.problems.size(), 1u);
  EXPECT_EQ(later.problems[0].offset, 8u);
  const YamlParseResult utf16 =
      ParseYaml(std::string("\xFF\xFE"
                            "a\x00:\x00",
                            6));
  ASSERT_EQ(utf16.problems.size(), 1u);
  EXPECT_TRUE(utf16.documents.empty());
}

// valijson reads strings as UTF-8 and indexes a table out of bounds on bytes
// like 0xFF (UBSan, found by fuzz_rule_pack): such packs are refused first.
TEST(FuzzRegressionTest, RulePackWithInvalidUtf8IsAPositionedError) {
  const std::string pack =
      "id: extra\nversion: 1.0." + std::string(100, '\xff') + "0\ntitle: Extra\nrules: []\n";
  RuleSet rules;
  try {
    LoadRulePack(pack, "pack.yaml", rules);
    FAIL() << "the pack loaded";
  } catch (const RulePackError& error) {
    EXPECT_STREQ(error.what(), "pack.yaml:2:14: invalid UTF-8 byte sequence; rule packs are UTF-8");
  }
}

// The config fuzzer found valijson's UTF-8 length count reading past a
// truncated sequence (UBSan) in a string the schema bounds.
TEST(FuzzRegressionTest, SettingsWithInvalidUtf8AreAPositionedError) {
  try {
    ParseConfig("edition: ee\nbaseline: \"\xa3\xa3.json\"\n", ".kestra-lint.yaml");
    FAIL() << "the settings loaded";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.at().line, 2);
    EXPECT_EQ(error.at().column, 12);
    EXPECT_EQ(error.message(), "invalid UTF-8 byte sequence; the settings file is UTF-8");
  }
}

}  // namespace
}  // namespace kestra_lint
