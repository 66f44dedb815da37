#include "pipeline/scan.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "base/memory_disk.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::OfRule;
using testing::TempDir;

ScanResult Scan(const std::string& path, uint64_t max_size = kDefaultMaxFileSize, int jobs = 1) {
  ScanOptions options;
  options.paths = {path};
  options.max_file_size = max_size;
  options.jobs = jobs;
  return RunScan(options, testing::BuiltinRules());
}

const char kRemoved[] = "kestra:\n  ee:\n    tenants:\n      enabled: true\n";

// Every hostile file becomes a yaml-syntax finding, and the good file next to
// it is still checked.
void ExpectHostile(const std::string& name, const std::string& content, int line, int column,
                   const std::string& words) {
  const TempDir dir;
  dir.Write(name, content);
  dir.Write("good/application.yml", kRemoved);
  const ScanResult result = Scan(dir.path());
  const auto syntax = OfRule(result.findings, "yaml-syntax");
  ASSERT_EQ(syntax.size(), 1u) << name;
  EXPECT_EQ(syntax[0].path, dir.path() + "/" + name);
  EXPECT_EQ(syntax[0].line, line) << name << ": " << syntax[0].message;
  EXPECT_EQ(syntax[0].column, column) << name << ": " << syntax[0].message;
  EXPECT_NE(syntax[0].message.find(words), std::string::npos) << syntax[0].message;
  EXPECT_EQ(OfRule(result.findings, "removed-tenants-enabled").size(), 1u) << name;
}

TEST(ScanTest, SyntaxErrorsArePositioned) {
  ExpectHostile("broken.yml", "a: 1\nb: [1, 2\n", 3, 1, "end of sequence");
  ExpectHostile("tabs.yml", "a:\n\tb: 1\n", 2, 1, "tab");
}

TEST(ScanTest, NestingDeeperThanTheParserAllows) {
  // Reported where the 500-level limit is crossed.
  ExpectHostile("deep.yml", std::string(100000, '[') + std::string(100000, ']'), 1, 499,
                "nesting is deeper");
  std::string block;
  for (int i = 0; i < 2000; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  ExpectHostile("deep-block.yml", block, 499, 499, "nesting is deeper");
}

TEST(ScanTest, BinaryAndNulBytes) {
  ExpectHostile("image.yml", std::string("a: 1\nb: \0\x01\x02", 11), 2, 4, "binary file");
}

TEST(ScanTest, Utf16IsReportedNotMisparsed) {
  ExpectHostile("utf16.yml",
                std::string("\xFF\xFE"
                            "a\0:\0 \0"
                            "1\0",
                            10),
                1, 1, "UTF-16");
}

TEST(ScanTest, InvalidUtf8IsReportedAndTheFileStillChecked) {
  const TempDir dir;
  dir.Write("application.yml",
            "kestra:\n  name: caf\xE9\n  ee:\n    tenants:\n      enabled: true\n");
  const ScanResult result = Scan(dir.path());
  const auto syntax = OfRule(result.findings, "yaml-syntax");
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_EQ(syntax[0].line, 2);
  EXPECT_EQ(syntax[0].column, 12);
  EXPECT_EQ(OfRule(result.findings, "removed-tenants-enabled").size(), 1u);
}

TEST(ScanTest, FilesOverTheSizeCapAreNotRead) {
  const TempDir dir;
  dir.Write("big.yml", "a: " + std::string(2000, 'x') + "\n");
  dir.Write("good/application.yml", kRemoved);
  const ScanResult result = Scan(dir.path(), 1000);
  const auto syntax = OfRule(result.findings, "yaml-syntax");
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_NE(syntax[0].message.find("over the 1000 bytes limit"), std::string::npos)
      << syntax[0].message;
  EXPECT_EQ(OfRule(result.findings, "removed-tenants-enabled").size(), 1u);
}

TEST(ScanTest, AliasBombIsBoundedAndReported) {
  std::string text = "kestra:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'k'; ++name) {
    text += std::string("  ") + name + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", *" : "*") + static_cast<char>(name - 1);
    text += "]\n";
  }
  text += "  ee:\n    tenants:\n      enabled: true\n";
  const TempDir dir;
  dir.Write("application.yml", text);
  const ScanResult result = Scan(dir.path());
  EXPECT_EQ(OfRule(result.findings, "removed-tenants-enabled").size(), 1u);
}

TEST(ScanTest, DirectoriesNamedLikeConfigFilesAreWalkedNotRead) {
  const TempDir dir;
  dir.Write("application.yml/nested.yml", kRemoved);
  const ScanResult result = Scan(dir.path());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].path, dir.path() + "/application.yml/nested.yml");
}

TEST(ScanTest, FifosNeverBlock) {
  const TempDir dir;
  const std::string fifo = dir.path() + "/pipe.yml";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  dir.Write("good/application.yml", kRemoved);
  const ScanResult result = Scan(dir.path());
  const auto syntax = OfRule(result.findings, "yaml-syntax");
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_NE(syntax[0].message.find("not a regular file"), std::string::npos);
}

TEST(ScanTest, WalkSkipsVcsAndDependencyFoldersAndSymlinkLoops) {
  const TempDir dir;
  dir.Write(".git/application.yml", kRemoved);
  dir.Write("node_modules/pkg/application.yml", kRemoved);
  dir.Write("build/application.yml", kRemoved);
  dir.Write("deploy/application.yml", kRemoved);
  std::filesystem::create_directory_symlink(dir.path(), dir.path() + "/deploy/loop");
  const ScanResult result = Scan(dir.path());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].path, dir.path() + "/deploy/application.yml");
}

TEST(ScanTest, OrderIsDeterministicWhateverTheJobs) {
  const TempDir dir;
  for (int i = 0; i < 30; ++i) {
    dir.Write("d" + std::to_string(i % 7) + "/app" + std::to_string(i) + ".yml", kRemoved);
  }
  const ScanResult one = Scan(dir.path(), kDefaultMaxFileSize, 1);
  const ScanResult many = Scan(dir.path(), kDefaultMaxFileSize, 8);
  ASSERT_EQ(one.findings.size(), 30u);
  ASSERT_EQ(many.findings.size(), 30u);
  for (size_t i = 0; i < one.findings.size(); ++i) {
    EXPECT_EQ(one.findings[i].path, many.findings[i].path);
    EXPECT_EQ(one.findings[i].fingerprint, many.findings[i].fingerprint);
  }
  EXPECT_TRUE(std::is_sorted(one.findings.begin(), one.findings.end(),
                             [](const Finding& a, const Finding& b) { return a.path < b.path; }));
}

TEST(ScanTest, DuplicateKeysAreReportedAtTheSecondKey) {
  const TempDir dir;
  dir.Write("application.yml", "kestra:\n  url: http://a/\n  url: http://b/\n");
  const ScanResult result = Scan(dir.path());
  const auto duplicates = OfRule(result.findings, "duplicate-key");
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0].line, 3);
  EXPECT_EQ(duplicates[0].column, 3);
  EXPECT_NE(duplicates[0].message.find("first at line 2"), std::string::npos);
}

TEST(ScanTest, FingerprintsSurviveLinesInsertedAbove) {
  const TempDir dir;
  dir.Write("application.yml", kRemoved);
  const std::string before = Scan(dir.path()).findings.at(0).fingerprint;
  dir.Write("application.yml", std::string("# a comment\nmicronaut: {}\n") + kRemoved);
  const ScanResult after = Scan(dir.path());
  EXPECT_EQ(after.findings.at(0).line, 6);
  EXPECT_EQ(after.findings.at(0).fingerprint, before);
}

TEST(ScanTest, FactsStayInsideTheirInstallation) {
  const TempDir dir;
  const std::string flow =
      "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n"
      "    uri: http://kestra:8080/api/v1/flows/n/f\n";
  dir.Write("enterprise/.kestra-lint.yaml", "# one Kestra installation\n");
  dir.Write("enterprise/application.yml", "kestra:\n  ee:\n    license:\n      id: x\n");
  dir.Write("enterprise/flow.yml", flow);
  dir.Write("community/.kestra-lint.yaml", "# another one\n");
  dir.Write("community/flow.yml", flow);
  const ScanResult result = Scan(dir.path());
  ASSERT_EQ(result.scopes.size(), 2u);
  const auto missing = OfRule(result.findings, "api-uri-missing-tenant");
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].path, dir.path() + "/community/flow.yml");
  EXPECT_EQ(missing[0].severity, Severity::kWarning);
  EXPECT_EQ(missing[1].path, dir.path() + "/enterprise/flow.yml");
  EXPECT_EQ(missing[1].severity, Severity::kError);
}

// One analysis reads each file once, however the facts turn out: here the
// EE evidence comes last in scan order, so the files before it are checked
// again with the final facts, from the text read the first time or again.
TEST(ScanTest, EachFileIsReadOnceWhenItsFactsAreKnownByThen) {
  MemoryDisk disk;
  disk.AddFile("ws/a/application.yml", "kestra:\n  ee:\n    tenants:\n      enabled: true\n");
  disk.AddFile(
      "ws/b/flow.yml",
      "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n"
      "    uri: http://kestra:8080/api/v1/executions/n/f\n");
  ScanOptions options;
  options.paths = {"ws"};
  options.disk = &disk;
  for (int jobs : {1, 2}) {
    options.jobs = jobs;
    const ScanResult result = RunScan(options, testing::BuiltinRules());
    EXPECT_EQ(result.facts.edition, Edition::kEe);
    EXPECT_EQ(OfRule(result.findings, "removed-tenants-enabled").size(), 1u);
    ASSERT_EQ(result.files.size(), 2u);
    EXPECT_EQ(result.files[0].path, "ws/a/application.yml");
    EXPECT_TRUE(result.files[0].text.empty());  // kept for fix only
  }
  EXPECT_EQ(disk.ReadsOf("ws/a/application.yml"), 2);  // once per scan
  EXPECT_EQ(disk.ReadsOf("ws/b/flow.yml"), 2);
}

// The facts decided at the end are those of every file, even when a file
// checked early saw fewer: the result matches a check of the files with
// every fact known first.
TEST(ScanTest, AFileCheckedBeforeTheLastFactsIsCheckedAgainWithThem) {
  MemoryDisk disk;
  disk.AddFile("ws/a/compose.yml",
               "services:\n  k:\n    image: kestra/kestra:latest\n    environment:\n"
               "      KESTRA_URL: http://kestra:8080/api/v1/executions\n");
  disk.AddFile("ws/b/application.yml", "kestra:\n  ee:\n    license:\n      id: x\n");
  ScanOptions options;
  options.paths = {"ws"};
  options.disk = &disk;
  const ScanResult result = RunScan(options, testing::BuiltinRules());
  EXPECT_EQ(result.facts.edition, Edition::kEe);
  EXPECT_NE(result.facts.edition_evidence.find("ws/b/application.yml"), std::string::npos);
  std::vector<ScannedFile> files = {
      ScanText("ws/a/compose.yml", *disk.Text("ws/a/compose.yml")),
      ScanText("ws/b/application.yml", *disk.Text("ws/b/application.yml"))};
  const std::vector<Finding> expected =
      ApplyRules(files, ComputeFacts(files, ScanSettings{}), testing::BuiltinRules());
  ASSERT_EQ(result.findings.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(result.findings[i].message, expected[i].message);
    EXPECT_EQ(result.findings[i].fingerprint, expected[i].fingerprint);
  }
  // Checked with OSS facts first, then again from the text the scan kept.
  EXPECT_EQ(disk.ReadsOf("ws/a/compose.yml"), 1);
  EXPECT_EQ(disk.ReadsOf("ws/b/application.yml"), 1);
}

// Kept texts have a budget: a file over it that must be checked again is
// read again, and its findings are those a scan knowing every fact gives.
TEST(ScanTest, AFileTooLargeToKeepIsReadAgainWhenItsFactsChanged) {
  MemoryDisk disk;
  const std::string compose =
      "services:\n  k:\n    image: kestra/kestra:latest\n" + std::string(9 << 20, '#') + "\n";
  disk.AddFile("ws/a/compose.yml", compose);
  disk.AddFile("ws/b/application.yml", "kestra:\n  ee:\n    tenants:\n      enabled: true\n");
  ScanOptions options;
  options.paths = {"ws"};
  options.disk = &disk;
  const ScanResult result = RunScan(options, testing::BuiltinRules());
  EXPECT_EQ(result.facts.edition, Edition::kEe);
  EXPECT_EQ(disk.ReadsOf("ws/a/compose.yml"), 2);
  EXPECT_EQ(disk.ReadsOf("ws/b/application.yml"), 1);
  EXPECT_EQ(OfRule(result.findings, "removed-tenants-enabled").size(), 1u);
}

}  // namespace
}  // namespace kestra_lint
