#include "yaml/fast_yaml.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "yaml/yaml_tree.h"
#include "yaml_differential.h"

namespace kestra_lint {
namespace {

// The fast loader's result, checked against yaml-cpp's for the same text.
YamlParseResult LoadFast(const std::string& text) {
  const std::optional<YamlParseResult> fast = ParseYamlFast(text);
  EXPECT_TRUE(fast.has_value()) << text;
  if (!fast) return {};
  EXPECT_EQ(testing::FirstDifference(*fast, ParseYamlWithYamlCpp(text)), "") << text;
  return *fast;
}

const YamlNode& ValueOf(const YamlDocument& document, uint32_t map, const std::string& key) {
  return document.at(document.Find(map, key));
}

TEST(FastYamlTest, LoadsAFlowWithOffsetsAndValuesLikeYamlCpp) {
  const std::string text =
      "id: hello  # the id\n"
      "tasks:\n"
      "  - id: call\n"
      "    uri: \"http://kestra:8080/api/v1/flows\"\n"
      "    headers: {Accept: 'text/plain', X: ~}\n"
      "    commands:\n"
      "    - echo it's\n";
  const YamlParseResult result = LoadFast(text);
  ASSERT_EQ(result.documents.size(), 1u);
  const YamlDocument& document = result.documents[0];
  EXPECT_EQ(ValueOf(document, document.root, "id").value, "hello");
  const uint32_t tasks = document.Find(document.root, "tasks");
  EXPECT_EQ(document.at(tasks).offset, text.find("- id"));
  const uint32_t task = document.at(tasks).children[0];
  EXPECT_EQ(document.at(task).offset, text.find("id: call"));
  const YamlNode& uri = ValueOf(document, task, "uri");
  EXPECT_EQ(uri.style, ScalarStyle::kDoubleQuoted);
  EXPECT_EQ(uri.offset, text.find("\"http"));
  const uint32_t headers = document.Find(task, "headers");
  EXPECT_TRUE(document.at(headers).flow);
  EXPECT_EQ(ValueOf(document, headers, "X").kind, YamlKind::kNull);
  EXPECT_EQ(ValueOf(document, headers, "X").offset, text.find("X:"));
  const uint32_t commands = document.Find(task, "commands");
  EXPECT_EQ(document.at(document.at(commands).children[0]).value, "echo it's");
}

TEST(FastYamlTest, BlockScalarsFoldAndChompLikeYamlCpp) {
  const std::string text =
      "literal: |\n  one\n\n  two\n\n"
      "strip: |-\n  x\n\n"
      "keep: |+\n  y\n\n"
      "folded: >\n  a\n  b\n\n    indented\n  c\n"
      "after: 1\n";
  const YamlParseResult result = LoadFast(text);
  const YamlDocument& document = result.documents[0];
  EXPECT_EQ(ValueOf(document, document.root, "literal").value, "one\n\ntwo\n");
  EXPECT_EQ(ValueOf(document, document.root, "strip").value, "x");
  EXPECT_EQ(ValueOf(document, document.root, "keep").value, "y\n\n");
  EXPECT_EQ(ValueOf(document, document.root, "folded").value, "a b\n\n  indented\nc\n");
  EXPECT_EQ(ValueOf(document, document.root, "folded").style, ScalarStyle::kFolded);
  EXPECT_EQ(ValueOf(document, document.root, "after").offset, text.rfind('1'));
}

TEST(FastYamlTest, DuplicateKeysComeInYamlCppsOrder) {
  const std::string text = "a:\n  b: 1\n  b: 2\na: {c: 1, c: 2}\n---\nd: 1\nd: 2\n";
  const YamlParseResult result = LoadFast(text);
  ASSERT_EQ(result.documents.size(), 2u);
  ASSERT_EQ(result.problems.size(), 4u);
  EXPECT_EQ(result.problems[0].key, "b");
  EXPECT_EQ(result.problems[1].key, "c");
  EXPECT_EQ(result.problems[2].key, "a");
  EXPECT_EQ(result.problems[2].first_offset, 0u);
  EXPECT_EQ(result.problems[3].key, "d");
  EXPECT_EQ(result.problems[3].offset, text.rfind("d:"));
}

TEST(FastYamlTest, IndentlessAndNestedSequences) {
  const std::string text = "list:\n- a\n- - b\n  - c\n-   k: v\n    l: null\nnext: 1\n";
  const YamlParseResult result = LoadFast(text);
  const YamlDocument& document = result.documents[0];
  const uint32_t list = document.Find(document.root, "list");
  ASSERT_EQ(document.at(list).children.size(), 3u);
  const YamlNode& nested = document.at(document.at(list).children[1]);
  EXPECT_EQ(nested.kind, YamlKind::kSequence);
  EXPECT_EQ(nested.offset, text.find("- b"));
  const uint32_t map = document.at(list).children[2];
  EXPECT_EQ(ValueOf(document, map, "l").kind, YamlKind::kNull);
}

TEST(FastYamlTest, GivesUpOutsideItsSubset) {
  for (const char* text : {
           "a: &x 1\nb: *x\n",        // anchors and aliases
           "a: !!str 1\n",            // tags
           "%YAML 1.2\n---\na: 1\n",  // directives
           "? complex\n: key\n",      // explicit keys
           "a:\tb\n",                 // tabs
           "a: 1\r\nb: 2\r\n",        // CR line breaks
           "a: one\n  two\n",         // multi-line plain scalars
           "a: \"one\n  two\"\n",     // multi-line quoted scalars
           "a: [1,\n  2]\n",          // multi-line flow collections
           "a: \"\\u00e9\"\n",        // rarer escapes
           "a: |2\n   x\n",           // indentation indicators
           "a:\n  - b\n c: 1\n",      // odd indentation
           "a: b: c\n",               // syntax errors
           "a: 1\n---\n",             // empty documents
           "- \n- a\n",               // empty sequence items
           "plain scalar\n",          // scalar documents
           "\xEF\xBB\xBF"
           "a: 1\n",         // a byte order mark (ParseYaml strips it)
           "a: \"\xC3\"\n",  // invalid UTF-8
       }) {
    EXPECT_FALSE(ParseYamlFast(text).has_value()) << text;
  }
}

TEST(FastYamlTest, ParseYamlKeepsYamlCppsErrorsAndTheByteOrderMarkOffset) {
  const std::string broken = "a: 1\nb: [unclosed\n";
  const YamlParseResult parsed = ParseYaml(broken);
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(testing::FirstDifference(parsed, ParseYamlWithYamlCpp(broken)), "");
  const std::string with_bom =
      "\xEF\xBB\xBF"
      "a: 1\n";
  const YamlParseResult bom = ParseYaml(with_bom);
  EXPECT_EQ(bom.documents[0].at(bom.documents[0].root).offset, 3u);
  EXPECT_EQ(testing::FirstDifference(bom, ParseYamlWithYamlCpp(with_bom)), "");
}

TEST(FastYamlTest, CommentsAndBlankLinesBetweenEntries) {
  LoadFast("a: 1\n #c\nb: 2\n  # deeper\n");
  LoadFast("# head\n\n---  # marker\na:   # after key\n\n  # own line\n  b: 'x'  # after\n\n");
  const YamlParseResult empty = LoadFast("# only a comment\n\n");
  EXPECT_TRUE(empty.documents.empty());
}

}  // namespace
}  // namespace kestra_lint
