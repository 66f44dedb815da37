#include "yaml/yaml_tree.h"

#include <gtest/gtest.h>

#include <string>

#include "base/source_text.h"
#include "yaml/scalar_offsets.h"

namespace kestra_lint {
namespace {

// Line and column of the source byte that value byte `index` of `node` came from.
Position ValuePosition(const std::string& text, const YamlNode& node, size_t index) {
  const ScalarOffsets offsets(text, node);
  return SourceText(text).PositionAt(offsets.SourceOffset(index));
}

const YamlNode& ValueOf(const YamlDocument& document, const std::string& key) {
  return document.at(document.Resolve(document.Find(document.root, key)));
}

TEST(YamlTreeTest, KeepsByteOffsetsOfKeysAndValues) {
  const std::string text = "a: 1\nnested:\n  key: value\n";
  const YamlParseResult result = ParseYaml(text);
  ASSERT_EQ(result.documents.size(), 1u);
  const YamlDocument& document = result.documents[0];
  const uint32_t nested = document.Find(document.root, "nested");
  const uint32_t value = document.Find(nested, "key");
  EXPECT_EQ(document.at(value).offset, text.find("value"));
  EXPECT_EQ(document.at(document.at(nested).children[0]).offset, text.find("key"));
}

TEST(YamlTreeTest, FlowStyleAndMultipleDocuments) {
  const std::string text = "a: {b: [x, {c: deep}]}\n---\nsecond: {d: 2}\n";
  const YamlParseResult result = ParseYaml(text);
  ASSERT_EQ(result.documents.size(), 2u);
  const YamlDocument& first = result.documents[0];
  const uint32_t b = first.Find(first.Find(first.root, "a"), "b");
  const uint32_t c = first.Find(first.at(b).children[1], "c");
  EXPECT_EQ(first.at(c).offset, text.find("deep"));
  const YamlDocument& second = result.documents[1];
  EXPECT_EQ(second.at(second.Find(second.Find(second.root, "second"), "d")).offset,
            text.find("2}"));
}

TEST(YamlTreeTest, EmptyValueSitsOnItsKey) {
  const std::string text = "a:\nb: 1\n";
  const YamlParseResult result = ParseYaml(text);
  const YamlDocument& document = result.documents[0];
  EXPECT_EQ(document.at(document.Find(document.root, "a")).offset, 0u);
}

TEST(YamlTreeTest, AnchorsAndTagsAreSkippedToTheContent) {
  const std::string text = "a: &anchor !!str value\nb: *anchor\n";
  const YamlParseResult result = ParseYaml(text);
  const YamlDocument& document = result.documents[0];
  EXPECT_EQ(ValueOf(document, "a").offset, text.find("value"));
  EXPECT_EQ(ValueOf(document, "b").value, "value");
}

TEST(YamlTreeTest, ReportsDuplicateKeysWithTheFirstPlace) {
  const std::string text = "kestra:\n  url: a\n  url: b\n";
  const YamlParseResult result = ParseYaml(text);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].kind, YamlProblem::Kind::kDuplicateKey);
  EXPECT_EQ(result.problems[0].key, "url");
  EXPECT_EQ(result.problems[0].offset, text.rfind("url"));
  EXPECT_EQ(result.problems[0].first_offset, text.find("url"));
}

TEST(YamlTreeTest, SyntaxErrorHasTheParsersPosition) {
  const std::string text = "a: 1\nb: [unclosed\n";
  const YamlParseResult result = ParseYaml(text);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].kind, YamlProblem::Kind::kSyntax);
  EXPECT_EQ(SourceText(text).PositionAt(result.problems[0].offset).line, 3);
}

TEST(YamlTreeTest, DeepNestingIsAProblemNotACrash) {
  const std::string text = std::string(5000, '[') + std::string(5000, ']');
  const YamlParseResult result = ParseYaml(text);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].message.find("nesting"), std::string::npos);
}

TEST(YamlTreeTest, AliasBombStaysSmall) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'j'; ++name) {
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? ", *" : "*") + static_cast<char>(name - 1);
    text += "]\n";
  }
  // 9^10 nodes once expanded: the loader no longer follows the aliases that
  // expand most rather than let any walk try.
  const YamlParseResult result = ParseYaml(text);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_LT(result.documents[0].nodes.size(), 200u);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].message.find("(alias bomb?)"), std::string::npos);
}

TEST(ScalarOffsetsTest, LiteralBlockLinesMapToTheirSourceLines) {
  const std::string text =
      "run: |\n  echo start\n  curl http://kestra:8080/api/v1/flows\n\n  echo done\n";
  const YamlDocument document = ParseYaml(text).documents[0];
  const YamlNode& node = ValueOf(document, "run");
  const Position position = ValuePosition(text, node, node.value.find("http"));
  EXPECT_EQ(position.line, 3);
  EXPECT_EQ(position.column, 8);
  EXPECT_EQ(ValuePosition(text, node, node.value.find("done")).line, 5);
}

TEST(ScalarOffsetsTest, BlockHeaderCommentsAndIndicatorsAreSkipped) {
  const std::string text = "run: |-2 # a comment with http\n    http here\n";
  const YamlDocument document = ParseYaml(text).documents[0];
  const YamlNode& node = ValueOf(document, "run");
  const Position position = ValuePosition(text, node, node.value.find("http"));
  EXPECT_EQ(position.line, 2);
  EXPECT_EQ(position.column, 5);
}

TEST(ScalarOffsetsTest, FoldedAndPlainMultiLineMapToTheRightLine) {
  const std::string text =
      "folded: >\n  first part\n  second part\n\n  third\nplain: one\n  two\n  three\n";
  const YamlDocument document = ParseYaml(text).documents[0];
  const YamlNode& folded = ValueOf(document, "folded");
  EXPECT_EQ(ValuePosition(text, folded, folded.value.find("second")).line, 3);
  EXPECT_EQ(ValuePosition(text, folded, folded.value.find("third")).line, 5);
  const YamlNode& plain = ValueOf(document, "plain");
  const Position three = ValuePosition(text, plain, plain.value.find("three"));
  EXPECT_EQ(three.line, 8);
  EXPECT_EQ(three.column, 3);
}

TEST(ScalarOffsetsTest, QuotedScalarsWithEscapesAndFolding) {
  const std::string text = "d: \"tab\\there \\u00e9 and\n  next line x\"\ns: 'it''s y'\n";
  const YamlDocument document = ParseYaml(text).documents[0];
  const YamlNode& d = ValueOf(document, "d");
  const Position x = ValuePosition(text, d, d.value.find(" x") + 1);
  EXPECT_EQ(x.line, 2);
  EXPECT_EQ(x.column, 13);
  const YamlNode& s = ValueOf(document, "s");
  const Position y = ValuePosition(text, s, s.value.find('y'));
  EXPECT_EQ(y.line, 3);
  EXPECT_EQ(y.column, 11);
}

TEST(ScalarOffsetsTest, NonAsciiBeforeTheSpotCountsAsOneColumn) {
  const std::string text = "k: \"héllo ü http\"\n";
  const YamlDocument document = ParseYaml(text).documents[0];
  const YamlNode& node = ValueOf(document, "k");
  EXPECT_EQ(ValuePosition(text, node, node.value.find("http")).column, 13);
}

// A walk that follows aliases must end: an alias inside the node it names
// is cut (no longer resolves) and reported where it is written.
TEST(YamlTreeTest, RecursiveAliasIsCutAndReported) {
  const std::string text = "a: &a [*a]\nb: &b\n  <<: *b\n  c: 1\n";
  const YamlParseResult parsed = ParseYaml(text);
  ASSERT_EQ(parsed.documents.size(), 1u);
  ASSERT_EQ(parsed.problems.size(), 2u);
  EXPECT_EQ(parsed.problems[0].offset, text.find("*a"));
  EXPECT_EQ(parsed.problems[1].offset, text.find("*b"));
  EXPECT_NE(parsed.problems[0].message.find("refers to a node that holds it"), std::string::npos);
  const YamlDocument& document = parsed.documents[0];
  const uint32_t a = document.Find(document.root, "a");
  EXPECT_EQ(document.Resolve(document.at(a).children[0]), kNoNode);
  EXPECT_EQ(document.ScalarValue(document.Find(document.Find(document.root, "b"), "c")), "1");
}

// What walks may reach through aliases is bounded in proportion to the text,
// across all its documents; past it the rest of the text is dropped.
TEST(YamlTreeTest, AliasExpansionIsBoundedPerTextAcrossDocuments) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'j'; ++level) {
    const std::string previous(1, static_cast<char>(level - 1));
    bomb += std::string(1, level) + ": &" + level + " [*" + previous + ", *" + previous + ", *" +
            previous + ", *" + previous + "]\n";
  }
  const std::string text = "first: 1\n---\n" + bomb + "---\nlast: 1\n";
  // The aliases that expand most are cut, and the rest of the text is kept.
  const YamlParseResult parsed = ParseYaml(text);
  ASSERT_EQ(parsed.documents.size(), 3u);
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_NE(parsed.problems[0].message.find("(alias bomb?); the aliases that expand most"),
            std::string::npos);
  EXPECT_EQ(parsed.problems[0].offset, text.find("*i"));
  EXPECT_EQ(
      parsed.documents[2].ScalarValue(parsed.documents[2].Find(parsed.documents[2].root, "last")),
      "1");

  // Many small documents share one budget: each alone is harmless.
  std::string document = "a: &a [x";
  for (int i = 1; i < 64; ++i) document += ", x";
  document += "]\nb: [*a";
  for (int i = 1; i < 64; ++i) document += ", *a";
  document += "]\n---\n";
  std::string many;
  for (int i = 0; i < 400; ++i) many += document;
  const YamlParseResult shared = ParseYaml(many);
  EXPECT_LT(shared.documents.size(), 400u);
  ASSERT_FALSE(shared.problems.empty());
  EXPECT_LE(shared.problems.size(), 2u);
  EXPECT_NE(shared.problems.back().message.find("(alias bomb?); this document and the ones after"),
            std::string::npos);
}

// Aliases chained through more levels than any walk may recurse.
TEST(YamlTreeTest, AliasChainsDeeperThanTheWalksAllowAreCut) {
  // The padding keeps the nodes reached (about 700 * 700) within the budget.
  std::string text = "# " + std::string(150000, 'x') + "\na0: &a0 x\n";
  for (int i = 1; i <= 700; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            "]\n";
  }
  const YamlParseResult parsed = ParseYaml(text);
  EXPECT_TRUE(parsed.documents.empty());
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_NE(parsed.problems[0].message.find("deeper than 600 levels"), std::string::npos);
}

}  // namespace
}  // namespace kestra_lint
