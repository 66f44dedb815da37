// Precision on files nobody wrote for this project: the negatives and
// near-misses of the shared corpus (../shared/corpus/real/MANIFEST.tsv, not
// part of the repository) give no Kestra finding (a real duplicate key in
// them is still reported). Skipped where the corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

struct CorpusFile {
  std::string path;
  std::string kind;
  std::string why;
};

std::string CorpusDir() { return testing::SourceDir() + "/../shared/corpus/real"; }

std::vector<CorpusFile> Manifest() {
  std::vector<CorpusFile> files;
  std::ifstream in(CorpusDir() + "/MANIFEST.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    if (fields.size() >= 6) files.push_back({fields[0], fields[4], fields[5]});
  }
  return files;
}

TEST(CorpusPrecisionTest, NegativesAndNearMissesGiveNoFindings) {
  if (!fs::exists(CorpusDir() + "/MANIFEST.tsv")) {
    GTEST_SKIP() << "no corpus at " << CorpusDir() << " (it is not part of the repository)";
  }
  int checked = 0;
  for (const CorpusFile& file : Manifest()) {
    if (file.kind != "negative" && file.why.rfind("near-miss", 0) != 0) continue;
    ++checked;
    for (const char* edition : {"auto", "ee"}) {
      const auto run =
          testing::RunCliInProcess({"check", "--format", "json", "--fail-on", "never", "--edition",
                                    edition, CorpusDir() + "/" + file.path});
      const nlohmann::json report = nlohmann::json::parse(run.out);
      for (const nlohmann::json& finding : report.at("findings")) {
        const std::string rule = finding.at("ruleId").get<std::string>();
        EXPECT_TRUE(rule == "duplicate-key" || rule == "yaml-syntax")
            << file.path << " (" << file.why << "): " << finding.dump();
      }
    }
  }
  EXPECT_GE(checked, 5);
}

}  // namespace
}  // namespace kestra_lint
