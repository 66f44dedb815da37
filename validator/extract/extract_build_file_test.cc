#include <gtest/gtest.h>

#include "extract/extract.h"

namespace kestra_lint {
namespace {

TEST(ExtractBuildFileTest, ADockerfileFromAKestraImageIsEditionEvidence) {
  const ScannedFile file = ExtractText(
      "deploy/Dockerfile",
      "FROM node:20 AS web\nFROM --platform=linux/amd64 registry.kestra.io/docker/kestra-ee:0.24 "
      "AS server\nRUN curl http://localhost:8080/api/v1/configs\n");
  EXPECT_EQ(file.kind, FileKind::kBuildFile);
  ASSERT_EQ(file.evidence.size(), 1u);
  EXPECT_EQ(file.evidence[0].edition, Edition::kEe);
  EXPECT_EQ(file.source.text().substr(file.evidence[0].span.begin, 9), "registry.");
  ASSERT_EQ(file.uris.size(), 1u);
  EXPECT_EQ(file.uris[0].text, "http://localhost:8080/api/v1/configs");
  EXPECT_TRUE(ExtractText("Dockerfile", "FROM kestra/kestra-plugins:1\n").evidence.empty());
}

TEST(ExtractBuildFileTest, ADockerfileKestraImageTagIsRunningVersionEvidence) {
  const ScannedFile file = ExtractText(
      "Dockerfile",
      "FROM kestra/kestra:0.22.6\nFROM registry.kestra.io/docker/kestra-ee:v1.0.4-jdk21\n"
      "FROM kestra/kestra:latest\n");
  ASSERT_EQ(file.running_versions.size(), 2u);
  EXPECT_EQ(file.running_versions[0].version, (Version{0, 22, 6}));
  EXPECT_EQ(file.running_versions[0].description, "FROM kestra/kestra:0.22.6");
  EXPECT_EQ(file.running_versions[0].span.begin, file.source.text().find("kestra/kestra:0.22.6"));
  EXPECT_EQ(file.running_versions[1].version, (Version{1, 0, 4}));
}

// An interpolated image is evidence only with the project's .env, which
// facts read (ComposeDotenvFactsTest): the file records the service.
TEST(ExtractBuildFileTest, AnInterpolatedComposeImageIsRecordedForTheDotenv) {
  const ScannedFile file =
      ExtractText("docker-compose.yml",
                  "services:\n  kestra:\n    image: ${KESTRA_IMAGE:-kestra/kestra:v1.1}\n");
  EXPECT_TRUE(file.evidence.empty());
  ASSERT_EQ(file.compose_services.size(), 1u);
  EXPECT_EQ(file.compose_services[0].name, "kestra");
  EXPECT_EQ(file.compose_services[0].image, "${KESTRA_IMAGE:-kestra/kestra:v1.1}");
  EXPECT_EQ(file.compose_services[0].image_span.begin, 31u);
}

}  // namespace
}  // namespace kestra_lint
