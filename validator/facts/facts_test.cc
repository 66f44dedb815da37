#include "facts/facts.h"

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "extract/scanned_file.h"
#include "facts/certain_tenant.h"

namespace kestra_lint {
namespace {

FileFacts Enterprise(bool with_fallback_tenant) {
  FileFacts file;
  file.ee_evidence = "image kestra/kestra-ee:latest at docker-compose.yml:3:12";
  if (with_fallback_tenant) {
    file.has_fallback_tenant = true;
    file.fallback_tenant = "acme";
    file.fallback_tenant_source = "application.yml:4:7";
  }
  return file;
}

FileFacts OpenSource() {
  FileFacts file;
  file.oss_evidence = "image kestra/kestra:latest at docker-compose.yml:3:12";
  return file;
}

TEST(FactsTest, AGivenTenantIsASettingWhateverTheEvidence) {
  ScanSettings settings;
  settings.tenant = "given";
  const Facts facts = CombineFacts({Enterprise(true)}, settings);
  EXPECT_EQ(facts.tenant, "given");
  EXPECT_EQ(facts.tenant_source, TenantSource::kSetting);
  EXPECT_EQ(TenantSourceText(facts), "--tenant");
  // A given tenant goes into flows as it is, not as {{ flow.tenantId }}.
  ScannedFile flow;
  flow.kind = FileKind::kFlow;
  EXPECT_EQ(CertainTenant(flow, facts), "given");
}

TEST(FactsTest, WithoutAGivenTenantTheEvidenceDecidesItsSource) {
  const Facts fallback = CombineFacts({Enterprise(true)}, {});
  EXPECT_EQ(fallback.tenant, "acme");
  EXPECT_EQ(fallback.tenant_source, TenantSource::kFallbackTenant);
  EXPECT_EQ(TenantSourceText(fallback), "fallbackTenant at application.yml:4:7");

  const Facts none = CombineFacts({Enterprise(false)}, {});
  EXPECT_EQ(none.tenant, "");
  EXPECT_EQ(none.tenant_source, TenantSource::kNone);
  EXPECT_EQ(TenantSourceText(none), "none: pass --tenant to get exact suggestions");

  const Facts oss = CombineFacts({OpenSource()}, {});
  EXPECT_EQ(oss.tenant, "main");
  EXPECT_EQ(oss.tenant_source, TenantSource::kOssMain);
  EXPECT_EQ(TenantSourceText(oss), "OSS always uses tenant main");

  const Facts unknown = CombineFacts({}, {});
  EXPECT_EQ(unknown.tenant, "main");
  EXPECT_EQ(unknown.tenant_source, TenantSource::kAssumedMain);
  EXPECT_EQ(TenantSourceText(unknown), "main (OSS); pass --tenant for EE");

  // In a flow, a tenant not given is the flow's own.
  ScannedFile flow;
  flow.kind = FileKind::kFlow;
  EXPECT_EQ(CertainTenant(flow, fallback), "{{ flow.tenantId }}");
}

TEST(FactsTest, TheRequestedEditionBeatsTheEvidence) {
  ScanSettings settings;
  settings.edition = RequestedEdition::kOss;
  const Facts requested = CombineFacts({Enterprise(false)}, settings);
  EXPECT_EQ(requested.edition, Edition::kOss);
  EXPECT_EQ(requested.edition_source, EditionSource::kSetting);
  EXPECT_EQ(EditionSourceText(requested), "--edition oss");

  const Facts evidence = CombineFacts({OpenSource(), Enterprise(false)}, {});
  EXPECT_EQ(evidence.edition, Edition::kEe);  // Enterprise evidence wins
  EXPECT_EQ(evidence.edition_source, EditionSource::kEvidence);
  EXPECT_EQ(EditionSourceText(evidence),
            "image kestra/kestra-ee:latest at docker-compose.yml:3:12");

  const Facts none = CombineFacts({}, {});
  EXPECT_EQ(none.edition, Edition::kUnknown);
  EXPECT_EQ(none.edition_source, EditionSource::kNoEvidence);
  EXPECT_EQ(EditionSourceText(none),
            "no evidence found; edition-specific checks use the milder severity");
}

TEST(FactsTest, TheTargetVersionIsGivenOrTheLatestKnown) {
  ScanSettings settings;
  settings.target_version = Version{0, 23, 0};
  const Facts given = CombineFacts({}, settings);
  EXPECT_EQ(given.target, (Version{0, 23, 0}));
  EXPECT_EQ(given.target_source, TargetSource::kSetting);
  EXPECT_EQ(TargetSourceText(given), "--target-version");

  const Facts latest = CombineFacts({}, {});
  EXPECT_EQ(latest.target, LatestKnownVersion());
  EXPECT_EQ(latest.target_source, TargetSource::kLatestKnown);
  EXPECT_EQ(TargetSourceText(latest), "default: latest version the rule packs know");
}

TEST(FactsTest, TheRunningVersionIsGivenOrFromTheOldestImageTag) {
  FileFacts compose;
  compose.running_version = Version{0, 22, 3};
  compose.running_version_evidence = "image kestra/kestra:v0.22.3 at docker-compose.yml:3:12";
  const Facts evidence = CombineFacts({compose}, {});
  EXPECT_EQ(evidence.running_version, (Version{0, 22, 3}));
  EXPECT_EQ(evidence.running_version_source, RunningVersionSource::kEvidence);
  EXPECT_EQ(RunningVersionText(evidence),
            "0.22.3 (image kestra/kestra:v0.22.3 at docker-compose.yml:3:12)");

  ScanSettings settings;
  settings.from_version = Version{1, 0, 0};
  const Facts given = CombineFacts({compose}, settings);
  EXPECT_EQ(given.running_version, (Version{1, 0, 0}));
  EXPECT_EQ(given.running_version_source, RunningVersionSource::kSetting);
  EXPECT_EQ(RunningVersionText(given), "1.0 (--from-version)");

  const Facts unknown = CombineFacts({}, {});
  EXPECT_FALSE(unknown.running_version);
  EXPECT_EQ(unknown.running_version_source, RunningVersionSource::kNoEvidence);
  EXPECT_EQ(RunningVersionText(unknown).rfind("unknown", 0), 0u);
}

TEST(FactsTest, AChartVersionIsTheKestraVersionItShips) {
  ScannedFile helmfile;
  helmfile.path = "helmfile.yaml";
  helmfile.source = SourceText("releases:\n  - chart: kestra/kestra\n    version: 1.0.54\n");
  helmfile.chart_versions.push_back(
      {Version{1, 0, 54}, "helmfile release of chart kestra 1.0.54", Span{48, 54}});
  helmfile.chart_versions.push_back(
      {Version{7, 7, 7}, "helmfile release of chart kestra 7.7.7", Span{48, 54}});
  const Facts facts = ComputeFacts({helmfile}, {});
  EXPECT_EQ(facts.running_version, (Version{1, 3, 15}));
  EXPECT_EQ(RunningVersionText(facts),
            "1.3.15 (helmfile release of chart kestra 1.0.54, which ships Kestra 1.3.15, at "
            "helmfile.yaml:3:14)");
}

// Two release lines: the files disagree, and the tool does not pick one.
TEST(FactsTest, EvidenceOfTwoReleaseLinesLeavesTheRunningVersionUnknown) {
  FileFacts compose;
  compose.running_version = compose.newest_running_version = Version{0, 22, 3};
  compose.running_version_evidence = compose.newest_running_version_evidence =
      "image kestra/kestra:v0.22.3 at docker-compose.yml:3:12";
  FileFacts patch = compose;
  patch.running_version = patch.newest_running_version = Version{0, 22, 10};
  patch.running_version_evidence = patch.newest_running_version_evidence =
      "FROM kestra/kestra:0.22.10 at Dockerfile:1:6";
  FileFacts chart = compose;
  chart.running_version = chart.newest_running_version = Version{1, 0, 3};
  chart.running_version_evidence = chart.newest_running_version_evidence =
      "Chart.yaml dependency kestra 1.0.4, which ships Kestra 1.0.3, at Chart.yaml:5:14";

  const Facts one_line = CombineFacts({patch, compose}, {});
  EXPECT_EQ(one_line.running_version, (Version{0, 22, 3}));
  EXPECT_EQ(one_line.running_version_source, RunningVersionSource::kEvidence);

  const Facts conflict = CombineFacts({compose, patch, chart}, {});
  EXPECT_FALSE(conflict.running_version);
  EXPECT_EQ(conflict.running_version_source, RunningVersionSource::kConflicting);
  EXPECT_EQ(RunningVersionText(conflict),
            "unknown: the files disagree, 0.22.3 (image kestra/kestra:v0.22.3 at "
            "docker-compose.yml:3:12) and 1.0.3 (Chart.yaml dependency kestra 1.0.4, which ships "
            "Kestra 1.0.3, at Chart.yaml:5:14); every change up to the target is reported; pass "
            "--from-version");
  EXPECT_TRUE(InUpgradeRange(Version{0, 23, 0}, conflict));

  ScanSettings settings;
  settings.from_version = Version{0, 22, 0};
  EXPECT_EQ(CombineFacts({compose, chart}, settings).running_version_source,
            RunningVersionSource::kSetting);
}

// A change is reported when it lies after the running version, up to the
// target; with the running version unknown, everything up to the target.
TEST(FactsTest, TheUpgradeRangeRunsFromTheRunningVersionToTheTarget) {
  ScanSettings settings;
  settings.target_version = Version{1, 1, 0};
  const Facts unknown = CombineFacts({}, settings);
  EXPECT_TRUE(InUpgradeRange(Version{0, 23, 0}, unknown));
  EXPECT_TRUE(InUpgradeRange(Version{1, 1, 0}, unknown));
  EXPECT_FALSE(InUpgradeRange(Version{1, 2, 0}, unknown));
  settings.from_version = Version{0, 23, 0};
  const Facts from = CombineFacts({}, settings);
  EXPECT_FALSE(InUpgradeRange(Version{0, 23, 0}, from));  // already running it
  EXPECT_TRUE(InUpgradeRange(Version{0, 24, 0}, from));
  EXPECT_TRUE(InUpgradeRange(Version{1, 1, 0}, from));
}

TEST(FactsTest, RequestedEditionsParseAsTheOptionSpellsThem) {
  EXPECT_EQ(ParseRequestedEdition("auto"), RequestedEdition::kAuto);
  EXPECT_EQ(ParseRequestedEdition("oss"), RequestedEdition::kOss);
  EXPECT_EQ(ParseRequestedEdition("ee"), RequestedEdition::kEe);
  EXPECT_EQ(ParseRequestedEdition("enterprise"), std::nullopt);
  EXPECT_EQ(ParseRequestedEdition(""), std::nullopt);
}

}  // namespace
}  // namespace kestra_lint

namespace kestra_lint {
namespace {

Facts FactsOf(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<ScannedFile> scanned;
  for (const auto& [path, text] : files) scanned.push_back(ExtractText(path, text));
  return ComputeFacts(scanned, ScanSettings{});
}

// Compose reads the .env beside the Compose file for interpolation: what it
// sets is the edition and the running version, and the evidence names its line.
TEST(ComposeDotenvFactsTest, AnImageInterpolatedFromDotenvIsEditionAndVersionEvidence) {
  const Facts facts =
      FactsOf({{"deploy/docker-compose.yml",
                "services:\n  kestra:\n    image: ${W9_REPO}:${W9_TAG:-latest}\n"},
               {"deploy/.env", "# images\nW9_REPO=kestra/kestra-ee\nW9_TAG=0.22.1\n"}});
  EXPECT_EQ(facts.edition, Edition::kEe);
  EXPECT_EQ(
      facts.edition_evidence,
      "image ${W9_REPO}:${W9_TAG:-latest} = kestra/kestra-ee:0.22.1 (W9_REPO=kestra/kestra-ee "
      "at deploy/.env:2:1, W9_TAG=0.22.1 at deploy/.env:3:1) at deploy/docker-compose.yml:3:12");
  ASSERT_TRUE(facts.running_version.has_value());
  EXPECT_EQ(facts.running_version->ToString(), "0.22.1");
  EXPECT_EQ(facts.running_version_evidence, facts.edition_evidence);
  EXPECT_EQ(facts.kestra_services, (std::vector<std::string>{"kestra"}));
}

TEST(ComposeDotenvFactsTest, ADefaultCountsUnlessDotenvSetsTheVariable) {
  const std::string compose =
      "services:\n  kestra:\n    image: kestra/kestra:${KESTRA_VERSION:-0.22.6}\n";
  const Facts defaults = FactsOf({{"compose.yml", compose}});
  EXPECT_EQ(defaults.edition, Edition::kOss);
  ASSERT_TRUE(defaults.running_version.has_value());
  EXPECT_EQ(defaults.running_version->ToString(), "0.22.6");
  EXPECT_EQ(defaults.running_version_evidence,
            "image kestra/kestra:${KESTRA_VERSION:-0.22.6} = kestra/kestra:0.22.6 (defaults) at "
            "compose.yml:3:12");
  const Facts set = FactsOf({{"compose.yml", compose}, {".env", "KESTRA_VERSION=v0.23.4\n"}});
  EXPECT_EQ(set.running_version->ToString(), "0.23.4");
  EXPECT_NE(set.running_version_evidence.find("KESTRA_VERSION=v0.23.4 at .env:1:1"),
            std::string::npos);
}

TEST(ComposeDotenvFactsTest, OnlyTheDotenvOfTheComposeFilesFolderCounts) {
  const Facts facts =
      FactsOf({{"deploy/compose.yml", "services:\n  kestra:\n    image: ${IMAGE}\n"},
               {"other/.env", "IMAGE=kestra/kestra-ee:0.22.1\n"},
               {"deploy/prod.env", "IMAGE=kestra/kestra-ee:0.22.1\n"}});
  EXPECT_EQ(facts.edition, Edition::kUnknown);
  EXPECT_FALSE(facts.running_version.has_value());
  EXPECT_TRUE(facts.kestra_services.empty());
  EXPECT_TRUE(facts.other_services.empty());  // unresolved: not known to be another product
  // An unset tag leaves Kestra's image named, as Compose runs it, but no version.
  const Facts untagged =
      FactsOf({{"compose.yml", "services:\n  k:\n    image: kestra/kestra:${TAG}\n"}});
  EXPECT_EQ(untagged.edition, Edition::kOss);
  EXPECT_FALSE(untagged.running_version.has_value());
  EXPECT_EQ(untagged.kestra_services, (std::vector<std::string>{"k"}));
}

TEST(ComposeDotenvFactsTest, ServicesAreKestrasOrAnotherProductsByTheirImage) {
  const Facts facts = FactsOf({{"docker-compose.yml",
                                "services:\n  orchestrator:\n    image: kestra/kestra:latest\n"
                                "  grafana:\n    image: ${GRAFANA_IMAGE:-grafana/grafana:11.0.0}\n"
                                "  app:\n    build: .\n"}});
  EXPECT_EQ(facts.kestra_services, (std::vector<std::string>{"orchestrator"}));
  EXPECT_EQ(facts.other_services, (std::vector<std::string>{"grafana"}));
}

}  // namespace
}  // namespace kestra_lint
