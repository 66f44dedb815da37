#include "deployment_yaml.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

TEST(DeploymentYamlTest, KestraImagesAndTheirEdition) {
  using E = EditionEvidence::Edition;
  EXPECT_EQ(KestraImageEdition("kestra/kestra"), E::kOss);
  EXPECT_EQ(KestraImageEdition("kestra/kestra:v0.22.1"), E::kOss);
  EXPECT_EQ(KestraImageEdition("docker.io/kestra/kestra:latest-full"), E::kOss);
  EXPECT_EQ(KestraImageEdition("kestra/kestra-ee:latest"), E::kEe);
  EXPECT_EQ(KestraImageEdition("registry.kestra.io/docker/kestra-ee:0.22.6"), E::kEe);
  EXPECT_EQ(KestraImageEdition("registry:5000/kestra/kestra-ee@sha256:abc"), E::kEe);
  EXPECT_EQ(KestraImageEdition("kestra/kestra:${KESTRA_VERSION}"), E::kOss);
  EXPECT_FALSE(KestraImageEdition("postgres:16"));
  EXPECT_FALSE(KestraImageEdition("someone/kestra-tools"));
  EXPECT_FALSE(KestraImageEdition("notkestra/kestra"));
  EXPECT_FALSE(KestraImageEdition(""));
}

}  // namespace
}  // namespace kestra_lint
