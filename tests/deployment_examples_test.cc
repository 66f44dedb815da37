// What the deployment examples promise beyond their golden findings
// (examples_test.cc): other software's files give nothing whatever the
// edition, a whole deployment repository lists each finding once in the same
// order however many jobs scan it, no example's secret reaches the output, and
// truncated copies of them are read safely.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pipeline/scan.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::RunCliInProcess;
using testing::SourceDir;

std::string Examples() { return SourceDir() + "/examples"; }

TEST(DeploymentExamplesTest, SoftwareThatIsNotKestraGivesNoFindingsInEitherEdition) {
  for (const char* edition : {"auto", "oss", "ee"}) {
    const auto run = RunCliInProcess({"check", "--format", "json", "--fail-on", "info", "--edition",
                                      edition, Examples() + "/not-kestra"});
    EXPECT_EQ(run.exit_code, 0) << edition << "\n" << run.out;
    EXPECT_NE(run.out.find("\"findings\": []"), std::string::npos) << run.out;
  }
}

TEST(DeploymentExamplesTest, WholeRepositoryListsEachFindingOnceInAStableOrder) {
  const std::string repository = Examples() + "/deployment-repo/before";
  const auto one_job = RunCliInProcess({"check", "--no-color", "--jobs", "1", repository});
  const auto four_jobs = RunCliInProcess({"check", "--no-color", "--jobs", "4", repository});
  EXPECT_EQ(one_job.out, four_jobs.out);
  std::set<std::string> seen;
  std::istringstream lines(one_job.out);
  int findings = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find(": warning: ") == std::string::npos &&
        line.find(": error: ") == std::string::npos) {
      continue;
    }
    ++findings;
    EXPECT_TRUE(seen.insert(line).second) << "listed twice: " << line;
  }
  EXPECT_EQ(findings, 8);
}

TEST(DeploymentExamplesTest, SecretsInTheExamplesNeverReachTheOutput) {
  for (const char* setup : {"compose", "helm-chart-0.x", "kubernetes", "kestractl", "terraform",
                            "github-workflow", "deployment-repo"}) {
    for (const char* format : {"text", "json"}) {
      const auto run = RunCliInProcess(
          {"check", "--format", format, "--fail-on", "never", Examples() + "/" + setup});
      for (const char* secret :
           {"k3str4", "change-me", "not-a-real-license-key", "not-a-real-token"}) {
        EXPECT_EQ(run.out.find(secret), std::string::npos) << secret << " in " << setup;
      }
    }
  }
}

// Every cut of every deployment example (a file saved half-way, a truncated
// download) is read without a crash, and every record points inside the file.
TEST(DeploymentExamplesTest, TruncatedFilesGiveRecordsInsideTheFile) {
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(Examples())) {
    const std::string path = entry.path().string();
    if (!entry.is_regular_file() || path.find("/before/") == std::string::npos) continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    const std::string name = path.substr(path.find("/before/") + 8);
    ++files;
    for (size_t size = 0; size <= text.size(); size += 5) {
      const ScannedFile file = ScanText(name, text.substr(0, size));
      const auto inside = [&](const Span& span) {
        return span.begin <= span.end && span.end <= size;
      };
      for (const PropertyRecord& record : file.properties) {
        EXPECT_TRUE(inside(record.key_span) && inside(record.value_span)) << name << " @" << size;
      }
      for (const UriRecord& record : file.uris) EXPECT_TRUE(inside(record.span)) << name;
      for (const ClientSetting& client : file.clients) {
        EXPECT_TRUE(inside(client.url_span) && inside(client.tenant_span)) << name << " @" << size;
      }
      for (const FileProblem& problem : file.problems) {
        EXPECT_LE(problem.span.begin, size) << name << " @" << size;
      }
    }
  }
  EXPECT_GE(files, 10);
}

}  // namespace
}  // namespace kestra_lint
