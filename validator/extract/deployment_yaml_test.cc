#include "extract/deployment_yaml.h"

#include <gtest/gtest.h>

#include "extract/extract.h"

namespace kestra_lint {
namespace {

TEST(DeploymentYamlTest, KestraImagesAndTheirEdition) {
  using E = Edition;
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

TEST(DeploymentYamlTest, ImageTagsAndTheReleaseTheyName) {
  EXPECT_EQ(TagOfImage("kestra/kestra:v0.22.1"), "v0.22.1");
  EXPECT_EQ(TagOfImage("registry:5000/kestra/kestra-ee:0.22.6@sha256:abc"), "0.22.6");
  EXPECT_EQ(TagOfImage("registry:5000/kestra/kestra"), "");
  EXPECT_EQ(Version::ParseImageTag("v0.22.1"), (Version{0, 22, 1}));
  EXPECT_EQ(Version::ParseImageTag("1.0.3-full"), (Version{1, 0, 3}));
  EXPECT_EQ(Version::ParseImageTag("v1.1-no-plugins"), (Version{1, 1, 0}));
  EXPECT_FALSE(Version::ParseImageTag("latest-full"));
  EXPECT_FALSE(Version::ParseImageTag("develop"));
  EXPECT_FALSE(Version::ParseImageTag("${KESTRA_VERSION}"));
  EXPECT_FALSE(Version::ParseImageTag(""));
}

// The running version: the tag of a Kestra image in Compose, Kubernetes and
// Helm values (image.tag beside image.repository), with its position.
TEST(DeploymentYamlTest, KestraImageTagsTellTheRunningVersion) {
  const std::string compose =
      "services:\n  kestra:\n    image: kestra/kestra:v0.22.3\n"
      "  db:\n    image: postgres:16\n";
  const ScannedFile from_compose = ExtractText("docker-compose.yml", compose);
  ASSERT_EQ(from_compose.running_versions.size(), 1u);
  EXPECT_EQ(from_compose.running_versions[0].version, (Version{0, 22, 3}));
  EXPECT_EQ(from_compose.running_versions[0].description, "image kestra/kestra:v0.22.3");
  EXPECT_EQ(from_compose.running_versions[0].span.begin, compose.find("kestra/kestra:"));

  const std::string values = "image:\n  repository: kestra/kestra-ee\n  tag: v1.0.3\n";
  const ScannedFile from_values = ExtractText("values.yaml", values);
  ASSERT_EQ(from_values.running_versions.size(), 1u);
  EXPECT_EQ(from_values.running_versions[0].version, (Version{1, 0, 3}));
  EXPECT_EQ(from_values.running_versions[0].span.begin, values.find("v1.0.3"));

  const ScannedFile latest =
      ExtractText("docker-compose.yml", "services:\n  k:\n    image: kestra/kestra:latest\n");
  EXPECT_TRUE(latest.running_versions.empty());
}

// Fixes delete an environment entry from where it starts; they need to know
// how many entries share its block collection, and a flow one has no entry.
TEST(DeploymentYamlTest, EnvironmentVariablesKnowTheirEntryAndItsCollection) {
  const std::string text =
      "services:\n  a:\n    environment:\n      - KESTRA_URL=http://x/\n"
      "      - JAVA_OPTS=-Xmx1g -Dkestra.ee.tenants.enabled=true\n"
      "  b:\n    environment:\n      KESTRA_EE_TENANTS_ENABLED: \"true\"\n"
      "  c:\n    environment: {KESTRA_URL: http://y/}\n";
  const ScannedFile file = ExtractText("docker-compose.yml", text);
  ASSERT_EQ(file.properties.size(), 4u);
  const auto& url = file.properties[0].environment_entry;
  ASSERT_TRUE(url);
  EXPECT_TRUE(url->sequence_item);
  EXPECT_EQ(url->begin, text.find("KESTRA_URL=http"));
  EXPECT_EQ(url->collection, text.find("- KESTRA_URL"));
  EXPECT_EQ(url->entries, 2u);
  const PropertyRecord& option = file.properties[1];
  ASSERT_TRUE(option.environment_entry);
  EXPECT_EQ(option.environment_entry->begin, text.find("JAVA_OPTS"));
  ASSERT_TRUE(option.option_removal);
  EXPECT_EQ(option.option_removal->span.begin, text.find(" -Dkestra"));
  EXPECT_EQ(option.option_removal->span.end, text.find("\n  b:"));
  EXPECT_FALSE(option.option_removal->whole_value);
  const auto& enabled = file.properties[2].environment_entry;
  ASSERT_TRUE(enabled);
  EXPECT_FALSE(enabled->sequence_item);
  EXPECT_EQ(enabled->begin, text.find("KESTRA_EE_TENANTS_ENABLED"));
  EXPECT_EQ(enabled->entries, 1u);
  EXPECT_FALSE(file.properties[3].environment_entry);
}

}  // namespace
}  // namespace kestra_lint
