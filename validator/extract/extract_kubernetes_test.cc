#include "extract/extract_kubernetes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CheckText;
using ::testing::ElementsAre;
using testing::Located;

const char kManifests[] =
    "apiVersion: v1\n"
    "kind: ConfigMap\n"
    "metadata:\n"
    "  name: kestra-config\n"
    "data:\n"
    "  application.yml: |\n"
    "    kestra:\n"
    "      ee:\n"
    "        tenants:\n"
    "          defaultTenant: true\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Secret\n"
    "metadata:\n"
    "  name: kestra-secrets\n"
    "stringData:\n"
    "  secrets.yaml: |\n"
    "    kestra:\n"
    "      ee.tenants.enabled: true\n"
    "data:\n"
    "  other.yml: a2VzdHJhOgogIGVlOgo=\n"
    "---\n"
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: kestra\n"
    "spec:\n"
    "  template:\n"
    "    spec:\n"
    "      initContainers:\n"
    "        - name: wait\n"
    "          image: busybox\n"
    "          command: [\"sh\", \"-c\", \"wget http://kestra:8080/api/v1/flows/search\"]\n"
    "      containers:\n"
    "        - name: kestra\n"
    "          image: kestra/kestra-ee:0.22.6\n"
    "          env:\n"
    "            - name: KESTRA_EE_TENANTS_FALLBACK_TENANT\n"
    "              value: \"\"\n"
    "            - name: SECRET_FROM_REF\n"
    "              valueFrom: {secretKeyRef: {name: s, key: k}}\n";

TEST(ExtractKubernetesTest, ConfigMapSecretAndContainerEnvAtOuterPositions) {
  const auto findings = CheckText("deploy/kestra.yaml", kManifests);
  EXPECT_THAT(Located(findings),
              ElementsAre("10:11 removed-default-tenant", "19:7 removed-tenants-enabled",
                          "33:39 api-uri-missing-tenant", "38:21 fallback-tenant-invalid"));
  EXPECT_EQ(findings[0].origin,
            "kubernetes ConfigMap kestra-config > data.application.yml > "
            "kestra.ee.tenants.defaultTenant");
  EXPECT_EQ(
      findings[1].origin,
      "kubernetes Secret kestra-secrets > stringData.secrets.yaml > kestra.ee.tenants.enabled");
  EXPECT_EQ(findings[3].origin,
            "kubernetes Deployment kestra > container kestra > KESTRA_EE_TENANTS_FALLBACK_TENANT");
}

TEST(ExtractKubernetesTest, ContainerImageIsEditionEvidence) {
  const ScannedFile file = ExtractText("kestra.yaml", kManifests);
  EXPECT_EQ(file.kind, FileKind::kKubernetes);
  ASSERT_EQ(file.evidence.size(), 1u);
  EXPECT_EQ(file.evidence[0].edition, Edition::kEe);
}

TEST(ExtractKubernetesTest, ManifestsOfOtherSoftwareGiveNoFindings) {
  EXPECT_TRUE(
      CheckText("promtail.yaml",
                "apiVersion: v1\n"
                "kind: ConfigMap\n"
                "metadata: {name: promtail}\n"
                "data:\n"
                "  promtail.yaml: |\n"
                "    clients:\n"
                "      - url: http://loki:3100/loki/api/v1/push\n"
                "        tenant_id: default-tenant\n"
                "    broken: [yaml\n"
                "---\n"
                "apiVersion: v1\n"
                "kind: Pod\n"
                "metadata: {name: p, selfLink: /api/v1/namespaces/default/pods/p}\n"
                "spec:\n"
                "  containers:\n"
                "    - name: p\n"
                "      image: nginx\n"
                "      env:\n"
                "        - {name: API, value: \"http://kubernetes/api/v1/namespaces/x/secrets\"}\n",
                "ee")
          .empty());
}

}  // namespace
}  // namespace kestra_lint
