#include "extract/chart_reference.h"

#include <gtest/gtest.h>

#include "extract/extract.h"

namespace kestra_lint {
namespace {

std::vector<std::string> Described(const ScannedFile& file) {
  std::vector<std::string> described;
  for (const VersionEvidence& evidence : file.chart_versions) {
    const Position at = file.source.PositionAt(evidence.span.begin);
    described.push_back(evidence.version.ToString() + " " + evidence.description + " " +
                        std::to_string(at.line) + ":" + std::to_string(at.column));
  }
  return described;
}

TEST(ChartReferenceTest, AChartYamlDependencyOnTheKestraChart) {
  const ScannedFile file = ExtractText(
      "deploy/Chart.yaml",
      "apiVersion: v2\nname: platform\nversion: 3.0.0\ndependencies:\n"
      "  - name: kestra\n    version: 0.22.10\n    repository: https://helm.kestra.io/\n"
      "  - name: kestra-starter\n    version: 1.1.3\n  - name: postgresql\n    version: 12.1.0\n");
  EXPECT_EQ(Described(file),
            std::vector<std::string>{"0.22.10 Chart.yaml dependency kestra 0.22.10 6:14"});
  // The same list in a file that is not a Chart.yaml says nothing.
  EXPECT_TRUE(ExtractText("deps.yaml", "dependencies:\n  - name: kestra\n    version: 1.0.4\n")
                  .chart_versions.empty());
}

TEST(ChartReferenceTest, AHelmfileReleaseOfTheKestraChart) {
  const ScannedFile file =
      ExtractText("helmfile.yaml",
                  "repositories:\n  - name: kestra\n    url: https://helm.kestra.io/\n"
                  "releases:\n  - name: kestra\n    chart: kestra/kestra\n    version: \"1.0.54\"\n"
                  "  - name: ops\n    chart: kestra/kestra-operator\n    version: 1.0.3\n"
                  "  - name: next\n    chart: kestra/kestra\n    version: ~1.0.0\n");
  EXPECT_EQ(Described(file),
            std::vector<std::string>{"1.0.54 helmfile release of chart kestra 1.0.54 7:14"});
}

TEST(ChartReferenceTest, AnArgoCdApplicationOfTheKestraChart) {
  const std::string head =
      "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: kestra\nspec:\n";
  const ScannedFile single =
      ExtractText("kestra-app.yaml", head +
                                         "  source:\n    repoURL: https://helm.kestra.io/\n"
                                         "    chart: kestra\n    targetRevision: 1.0.28\n");
  EXPECT_EQ(Described(single),
            std::vector<std::string>{"1.0.28 Argo CD Application of chart kestra 1.0.28 9:21"});
  const ScannedFile several = ExtractText(
      "kestra-app.yaml", head +
                             "  sources:\n    - repoURL: https://github.com/acme/values\n"
                             "      targetRevision: main\n    - chart: kestra\n"
                             "      targetRevision: 0.23.9\n");
  EXPECT_EQ(Described(several),
            std::vector<std::string>{"0.23.9 Argo CD Application of chart kestra 0.23.9 10:23"});
  const ScannedFile other_kind =
      ExtractText("job.yaml",
                  "apiVersion: batch/v1\nkind: Job\nspec:\n  source:\n    chart: kestra\n"
                  "    targetRevision: 1.0.28\n");
  EXPECT_TRUE(other_kind.chart_versions.empty());
}

}  // namespace
}  // namespace kestra_lint
