#include "extract/extract_flow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;

TEST(ExtractFlowTest, KestraPluginTasksAreClientsAtAnyDepth) {
  const auto findings = CheckText("flows/export.yml",
                                  "id: export\n"
                                  "namespace: company.team\n"
                                  "tasks:\n"
                                  "  - id: parallel\n"
                                  "    type: io.kestra.plugin.core.flow.Parallel\n"
                                  "    tasks:\n"
                                  "      - id: flows\n"
                                  "        type: io.kestra.plugin.kestra.flows.ExportById\n"
                                  "        kestraUrl: \"http://kestra:8080/api/v1\"\n"
                                  "        tenantId: \"\"\n"
                                  "      - id: kv\n"
                                  "        type: io.kestra.plugin.kestra.kv.Get\n"
                                  "        tenantId: \"{{ flow.tenantId }}\"\n",
                                  "oss");
  EXPECT_THAT(Located(findings),
              ElementsAre("9:21 api-base-url-has-path", "10:19 client-tenant-empty"));
  EXPECT_EQ(findings[1].severity, Severity::kWarning);
  EXPECT_EQ(findings[1].origin, "task flows (io.kestra.plugin.kestra.flows.ExportById) > tenantId");
}

TEST(ExtractFlowTest, OtherTasksAreNotClients) {
  const ScannedFile file = ExtractText("flow.yml",
                                       "id: f\nnamespace: n\ntasks:\n"
                                       "  - id: t\n"
                                       "    type: io.kestra.plugin.core.http.Request\n"
                                       "    uri: http://kestra:8080/api/v1/main/flows/n\n"
                                       "    tenantId: \"\"\n");
  EXPECT_TRUE(file.clients.empty());
  EXPECT_EQ(file.uris.size(), 1u);
}

}  // namespace
}  // namespace kestra_lint
