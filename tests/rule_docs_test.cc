// Every rule has a doc page whose examples are run here, so the docs cannot
// drift from the behaviour: the failing example must give exactly the
// findings its text block lists, the passing example none of that rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/embedded_files.h"
#include "external_tool.h"
#include "rule_test_support.h"
#include "rules/rule_pack.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;
using testing::RunCliInProcess;
using testing::TempDir;

struct CodeBlock {
  std::string info;
  std::string body;
};

struct Example {
  std::vector<std::pair<std::string, std::string>> files;  // path, content
  std::vector<std::string> arguments;                      // after "kestra-lint check"
  bool has_expected = false;
  std::vector<std::string> expected;
};

// The text of section `title` ("## title" up to the next "## ").
std::string Section(const std::string& page, const std::string& title) {
  const std::string heading = "\n## " + title + "\n";
  const size_t start = page.find(heading);
  if (start == std::string::npos) return "";
  const size_t end = page.find("\n## ", start + heading.size());
  return page.substr(start + heading.size(),
                     end == std::string::npos ? std::string::npos : end - start - heading.size());
}

std::vector<CodeBlock> Blocks(const std::string& section) {
  std::vector<CodeBlock> blocks;
  std::istringstream lines(section);
  std::string line;
  CodeBlock* open = nullptr;
  while (std::getline(lines, line)) {
    if (line.rfind("```", 0) == 0) {
      if (open == nullptr) {
        blocks.push_back({line.substr(3), ""});
        open = &blocks.back();
      } else {
        open = nullptr;
      }
    } else if (open != nullptr) {
      open->body += line + "\n";
    }
  }
  return blocks;
}

Example ParseExample(const std::string& section) {
  Example example;
  for (const CodeBlock& block : Blocks(section)) {
    const size_t file = block.info.find("file=");
    if (file != std::string::npos) {
      example.files.emplace_back(testing::SplitWords(block.info.substr(file + 5)).at(0),
                                 block.body);
    } else if (block.info == "sh") {
      std::vector<std::string> words = testing::SplitWords(block.body);
      for (size_t i = 2; i < words.size(); ++i) {
        if (words[i] != ".") example.arguments.push_back(words[i]);
      }
    } else if (block.info == "text") {
      example.has_expected = true;
      std::istringstream lines(block.body);
      std::string line;
      while (std::getline(lines, line)) {
        if (!line.empty()) example.expected.push_back(line);
      }
    }
  }
  return example;
}

// The findings of `rule` for the example, as compact lines relative to its folder.
std::vector<std::string> FindingsOfExample(const Example& example, const std::string& rule) {
  const TempDir dir;
  for (const auto& [path, content] : example.files) dir.Write(path, content);
  std::vector<std::string> args = {"check", "--format", "json"};
  args.insert(args.end(), example.arguments.begin(), example.arguments.end());
  args.push_back(dir.path());
  const auto run = RunCliInProcess(args);
  EXPECT_LE(run.exit_code, 1) << run.err;
  std::vector<std::string> lines;
  const nlohmann::json output = nlohmann::json::parse(run.out);
  for (const nlohmann::json& finding : output["findings"]) {
    if (finding["ruleId"] != rule) continue;
    std::string path = finding["path"].get<std::string>();
    path = path.substr(dir.path().size() + 1);
    lines.push_back(path + ":" + std::to_string(finding["line"].get<int>()) + ":" +
                    std::to_string(finding["column"].get<int>()) + ": " +
                    finding["severity"].get<std::string>() + ": " +
                    finding["message"].get<std::string>() + " [" + rule + "]");
  }
  return lines;
}

std::vector<std::string> DocPages() {
  std::vector<std::string> pages;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() + "/docs/rules")) {
    if (entry.path().extension() == ".md") pages.push_back(entry.path().stem().string());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

// A preview rule (preview-2-0-...) is only loaded with --preview 2.0.
std::vector<std::string> PreviewArguments(const std::string& rule) {
  for (const std::string& version : PreviewVersions()) {
    std::string prefix = "preview-" + version + "-";
    std::replace(prefix.begin(), prefix.end(), '.', '-');
    if (rule.rfind(prefix, 0) == 0) return {"--preview", version};
  }
  return {};
}

TEST(RuleDocsTest, EveryRuleHasADocPageAndEveryPageARule) {
  std::set<std::string> rules;
  for (const auto& rule : testing::BuiltinRules().rules) rules.insert(rule->id());
  for (const std::string& version : PreviewVersions()) {
    for (const auto& rule : testing::RulesWithPreview(version).rules) rules.insert(rule->id());
  }
  EXPECT_EQ(std::vector<std::string>(rules.begin(), rules.end()), DocPages());
}

TEST(RuleDocsTest, ExamplesBehaveAsDocumented) {
  for (const std::string& rule : DocPages()) {
    SCOPED_TRACE("docs/rules/" + rule + ".md");
    const std::string page =
        testing::ReadFile(testing::SourceDir() + "/docs/rules/" + rule + ".md");
    EXPECT_EQ(page.rfind("# " + rule + "\n", 0), 0u) << "the page starts with its rule id";
    const Example failing = ParseExample(Section(page, "Failing example"));
    const Example passing = ParseExample(Section(page, "Passing example"));
    ASSERT_FALSE(failing.files.empty()) << "no failing example";
    ASSERT_FALSE(passing.files.empty()) << "no passing example";
    ASSERT_TRUE(failing.has_expected) << "the failing example lists no expected findings";
    ASSERT_FALSE(failing.expected.empty());
    EXPECT_EQ(FindingsOfExample(failing, rule), failing.expected);
    EXPECT_EQ(FindingsOfExample(passing, rule), std::vector<std::string>{});
  }
}

TEST(RuleDocsTest, ExplainPrintsTheDocPage) {
  for (const std::string& rule : DocPages()) {
    std::vector<std::string> args = {"explain", rule};
    const std::vector<std::string> preview = PreviewArguments(rule);
    args.insert(args.end(), preview.begin(), preview.end());
    const auto run = RunCliInProcess(args);
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(run.out, testing::ReadFile(testing::SourceDir() + "/docs/rules/" + rule + ".md"));
  }
}

}  // namespace
}  // namespace kestra_lint
