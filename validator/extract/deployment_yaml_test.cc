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
