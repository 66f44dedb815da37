#include "extract/extract_workflow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;

const char kWorkflow[] =
    "on: push\n"
    "jobs:\n"
    "  deploy:\n"
    "    runs-on: ubuntu-latest\n"
    "    steps:\n"
    "      - uses: kestra-io/deploy-action@v0.23.0\n"
    "        with:\n"
    "          server: https://kestra.example.com/api/v1/\n"
    "          tenant: ''\n"
    "      - uses: kestra-io/validate-action@develop\n"
    "        with:\n"
    "          server: https://kestra.example.com\n"
    "          tenant:\n"
    "      - uses: someone/deploy-action@v1\n"
    "        with:\n"
    "          server: https://other.example.com/api/v1\n"
    "          tenant: ''\n"
    "      - run: |\n"
    "          set -e\n"
    "          curl -X POST \\\n"
    "            http://kestra:8080/api/v1/flows/validate\n";

TEST(ExtractWorkflowTest, KestraActionsAreClientsAndRunScriptsHaveUris) {
  const auto findings = CheckText(".github/workflows/deploy.yml", kWorkflow, "ee");
  EXPECT_THAT(Located(findings),
              ElementsAre("8:19 api-base-url-has-path", "9:19 client-tenant-empty",
                          "13:11 client-tenant-empty", "21:13 api-uri-missing-tenant"));
  EXPECT_EQ(findings[0].suggestion,
            "Set server to https://kestra.example.com and give the tenant in its own setting");
  EXPECT_EQ(findings[1].origin,
            "workflow job deploy > step kestra-io/deploy-action@v0.23.0 > tenant");
  EXPECT_EQ(findings[1].severity, Severity::kError);
}

TEST(ExtractWorkflowTest, KestraCliCommandsInRunScriptsAreClients) {
  const auto findings = CheckText(".github/workflows/sync.yml",
                                  "on: push\n"
                                  "jobs:\n"
                                  "  sync:\n"
                                  "    steps:\n"
                                  "      - name: Deploy\n"
                                  "        run: |\n"
                                  "          echo --server http://not-a-cli/api/v1\n"
                                  "          ./kestra flow namespace update company flows/ \\\n"
                                  "            --server=http://kestra:8080/api/v1 --tenant \"\"\n"
                                  "          docker run kestra/kestra flow validate flows/ "
                                  "--server 'http://kestra:8080' --tenant acme\n",
                                  "ee");
  EXPECT_THAT(Located(findings),
              ElementsAre("9:22 api-base-url-has-path", "9:57 client-tenant-empty"));
  EXPECT_EQ(findings[0].message.rfind("kestra CLI base URL http://kestra:8080/api/v1", 0), 0u);
  EXPECT_EQ(findings[1].origin, "workflow job sync > step Deploy > --tenant");
  // A dangling option at the end of the script has no value to check.
  EXPECT_TRUE(ExtractText(".github/workflows/sync.yml",
                          "on: push\njobs:\n  a:\n    steps:\n      - run: kestra --server\n")
                  .clients.empty());
}

TEST(ExtractWorkflowTest, WorkflowsAreRecognisedByContentToo) {
  const ScannedFile file = ExtractText("ci/deploy.yml", kWorkflow);
  EXPECT_EQ(file.kind, FileKind::kWorkflow);
  EXPECT_EQ(file.clients.size(), 2u);
}

}  // namespace
}  // namespace kestra_lint
