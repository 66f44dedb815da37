#include "fix/fix.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/sha256.h"
#include "fix/fix_files.h"
#include "fix/unified_diff.h"
#include "pipeline/scan.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::EditOf;

using testing::BuiltinRules;
using testing::RunCliInProcess;
using testing::TempDir;

std::vector<Finding> Check(const std::vector<ScannedFile>& files, const std::string& edition,
                           const std::string& tenant) {
  ScanSettings settings;
  settings.edition = ParseRequestedEdition(edition).value();
  settings.tenant = tenant;
  return ApplyRules(files, ComputeFacts(files, settings), BuiltinRules());
}

std::string Fixed(const std::string& path, const std::string& text,
                  const std::string& edition = "auto", const std::string& tenant = "") {
  std::vector<ScannedFile> files;
  files.push_back(ScanText(path, text));
  return ApplyFixes(text, Check(files, edition, tenant)).text;
}

Finding WithFix(std::vector<TextEdit> edits) {
  Finding finding;
  finding.fix = std::move(edits);
  return finding;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(ApplyFixesTest, MergesIdenticalEditsAndRefusesOverlapsInOrder) {
  const std::string text = "0123456789";
  const std::vector<Finding> findings = {
      WithFix({EditOf(2, 4, "ab")}), WithFix({EditOf(2, 4, "ab")}), WithFix({EditOf(3, 6, "X")}),
      WithFix({EditOf(8, 8, "+")})};
  const FixOutcome outcome = ApplyFixes(text, findings);
  EXPECT_EQ(outcome.text, "01ab4567+89");
  EXPECT_EQ(outcome.applied, (std::vector<size_t>{0, 1, 3}));
  EXPECT_EQ(outcome.conflicts, (std::vector<size_t>{2}));
}

TEST(ApplyFixesTest, AnEditInsideADeletedBlockIsSubsumedWhateverTheOrder) {
  const std::string text = "a\nb\nc\n";
  const std::vector<Finding> findings = {WithFix({EditOf(3, 3, "X")}), WithFix({EditOf(2, 4, "")})};
  const FixOutcome outcome = ApplyFixes(text, findings);
  EXPECT_EQ(outcome.text, "a\nc\n");
  EXPECT_EQ(outcome.applied.size(), 2u);
  EXPECT_TRUE(outcome.conflicts.empty());
}

TEST(ApplyFixesTest, AFixOverTheStartOfASuppressedFindingIsRefused) {
  Finding waived;
  waived.suppressed = true;
  waived.line = 2;
  waived.column = 3;
  TextEdit block = EditOf(2, 8, "");
  block.line = 2;
  block.column = 1;
  block.end_line = 4;
  block.end_column = 1;
  TextEdit after = EditOf(9, 10, "");
  after.line = 4;
  after.column = 1;
  after.end_line = 4;
  after.end_column = 2;
  const FixOutcome outcome =
      ApplyFixes("a\nbcd\nef\ng\n", {waived, WithFix({block}), WithFix({after})});
  EXPECT_EQ(outcome.touching_suppressed, (std::vector<size_t>{1}));
  EXPECT_EQ(outcome.applied, (std::vector<size_t>{2}));
  EXPECT_EQ(outcome.text, "a\nbcd\nef\n\n");
}

TEST(ApplyFixesTest, SuppressedFindingsAreNotFixed) {
  Finding finding = WithFix({EditOf(0, 1, "")});
  finding.suppressed = true;
  EXPECT_EQ(ApplyFixes("ab", {finding}).text, "ab");
}

TEST(RemovedTenantKeyFixTest, DeletesTheOnlyKeyAndItsEmptiedParents) {
  EXPECT_EQ(Fixed("application.yml",
                  "kestra:\n  ee:\n    tenants:\n      enabled: true\n  url: http://x/\n"),
            "kestra:\n  url: http://x/\n");
}

TEST(RemovedTenantKeyFixTest, KeepsASiblingAndTheCommentsAround) {
  EXPECT_EQ(Fixed("application.yml",
                  "kestra:\n  ee:\n    tenants:\n      # on since 0.22\n      enabled: true # yes\n"
                  "      other: 1\n\n# end\n"),
            "kestra:\n  ee:\n    tenants:\n      # on since 0.22\n      other: 1\n\n# end\n");
}

TEST(RemovedTenantKeyFixTest, FlowStyleEntriesGoWithOneSeparator) {
  EXPECT_EQ(Fixed("application.yml", "kestra: {ee: {tenants: {enabled: true}, license: x}}\n"),
            "kestra: {ee: {license: x}}\n");
  EXPECT_EQ(Fixed("application.yml",
                  "kestra: {ee: {license: x, tenants: {enabled: true, default-tenant: false}}}\n"),
            "kestra: {ee: {license: x}}\n");
  EXPECT_EQ(Fixed("application.yml",
                  "kestra:\n  ee:\n    tenants: {a: 1, enabled: \"true\" , b: 2}\n"
                  "    license: x\n"),
            "kestra:\n  ee:\n    tenants: {a: 1, b: 2}\n    license: x\n");
  EXPECT_EQ(Fixed("application.yml",
                  "kestra:\n  ee:\n    tenants: {a: 1, enabled: true, defaultTenant: false}\n"
                  "    license: x\n"),
            "kestra:\n  ee:\n    tenants: {a: 1}\n    license: x\n");
  // A block key whose flow value closes on its line goes as a whole.
  EXPECT_EQ(Fixed("application.yml",
                  "kestra:\n  ee:\n    tenants: {enabled: true} # on\n    license: x\n"),
            "kestra:\n  ee:\n    license: x\n");
}

TEST(RemovedTenantKeyFixTest, FlowMappingOverSeveralLinesIsFixedOnlyWhereCertain) {
  // The entry's end is not certain (no ',' or '}' after the value): no fix.
  const std::string open = "kestra:\n  ee:\n    tenants: {\n  enabled: true\n}\n    license: x\n";
  std::vector<ScannedFile> files;
  files.push_back(ScanText("application.yml", open));
  const auto findings = Check(files, "auto", "");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(findings[0].fix.empty());
  // A key starting a line inside a flow mapping is an entry, not a block key.
  EXPECT_EQ(Fixed("application.yml",
                  "kestra:\n  ee:\n    tenants: {a: 1,\n      enabled: true}\n    license: x\n"),
            "kestra:\n  ee:\n    tenants: {a: 1}\n    license: x\n");
}

TEST(RemovedTenantKeyFixTest, TenantlessDataNeedsTenantThenBecomesFallbackTenant) {
  const std::string text =
      "kestra:\n  ee:\n    tenants:\n      default-tenant: 'true'\n      enabled: false\n";
  EXPECT_EQ(Fixed("application.yml", text), text);
  EXPECT_EQ(Fixed("application.yml", text, "auto", "acme"),
            "kestra:\n  ee:\n    tenants:\n      fallback-tenant: acme\n");
  EXPECT_EQ(Fixed("application.yml", text, "auto", "123"),
            "kestra:\n  ee:\n    tenants:\n      fallback-tenant: \"123\"\n");
}

TEST(RemovedTenantKeyFixTest, ExistingFallbackTenantLeavesItToAPerson) {
  const std::string text =
      "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n      fallbackTenant: acme\n";
  EXPECT_EQ(Fixed("application.yml", text, "auto", "acme"), text);
}

TEST(RemovedTenantKeyFixTest, AnInvalidFallbackTenantBesideItIsNotDuplicated) {
  const std::string text =
      "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n      fallbackTenant: ''\n";
  EXPECT_EQ(Fixed("application.yml", text, "ee", "acme"), text);
}

TEST(RemovedTenantKeyFixTest, DeletesInsideAComposeBlockString) {
  const std::string compose =
      "services:\n  kestra:\n    image: kestra/kestra-ee:latest\n    environment:\n"
      "      KESTRA_CONFIGURATION: |\n        # tenants\n        kestra:\n          ee:\n"
      "            tenants:\n              enabled: true\n          url: http://x/\n"
      "      OTHER: 1\n";
  EXPECT_EQ(Fixed("docker-compose.yml", compose),
            "services:\n  kestra:\n    image: kestra/kestra-ee:latest\n    environment:\n"
            "      KESTRA_CONFIGURATION: |\n        # tenants\n        kestra:\n"
            "          url: http://x/\n      OTHER: 1\n");
}

TEST(RemovedTenantKeyFixTest, DeletesAJavaOptionAtTheStartMiddleOrEndOfAQuotedValue) {
  EXPECT_EQ(Fixed(".env",
                  "JAVA_OPTS=\"-Dkestra.ee.tenants.enabled=true  -Xmx1g\"\n"
                  "KESTRA_JAVA_OPTS='-Xmx1g -Dkestra.ee.tenants.defaultTenant=false -Da=b'\n"
                  "export JAVA_TOOL_OPTIONS=\"-Xmx1g\t-Dkestra.tenants.enabled=true\" # old\n"),
            "JAVA_OPTS=\"-Xmx1g\"\nKESTRA_JAVA_OPTS='-Xmx1g -Da=b'\n"
            "export JAVA_TOOL_OPTIONS=\"-Xmx1g\" # old\n");
}

TEST(RemovedTenantKeyFixTest, AJavaOptionAloneLeavesAnEmptyValueNeverANull) {
  EXPECT_EQ(Fixed(".env", "JAVA_OPTS=-Dkestra.ee.tenants.enabled=true\n"), "JAVA_OPTS=\n");
  EXPECT_EQ(Fixed("docker-compose.yml",
                  "services:\n  kestra:\n    image: kestra/kestra-ee:latest\n    environment:\n"
                  "      JAVA_OPTS: -Dkestra.ee.tenants.enabled=true  # old\n"
                  "      KESTRA_JAVA_OPTS: '-Dkestra.ee.tenants.enabled=true'\n"
                  "  worker:\n    image: kestra/kestra-ee:latest\n    environment:\n"
                  "      - JAVA_OPTS=-Dkestra.ee.tenants.enabled=true\n"),
            "services:\n  kestra:\n    image: kestra/kestra-ee:latest\n    environment:\n"
            "      JAVA_OPTS: \"\"  # old\n      KESTRA_JAVA_OPTS: ''\n"
            "  worker:\n    image: kestra/kestra-ee:latest\n    environment:\n"
            "      - JAVA_OPTS=\n");
}

TEST(RemovedTenantKeyFixTest, EnvironmentEntriesGoAndAnEmptiedListStaysAList) {
  const std::string compose =
      "services:\r\n  kestra:\r\n    environment:\r\n"
      "      # switched on by hand\r\n      - KESTRA_EE_TENANTS_ENABLED=true\r\n"
      "      - JAVA_OPTS=-Xmx1g -Dkestra.ee.tenants.enabled=true\r\n"
      "  worker:\r\n    environment:\r\n      - KESTRA_EE_TENANTS_ENABLED=true\r\n"
      "      - KESTRA_EE_TENANTS_DEFAULT_TENANT=false # legacy\r\n    command: server worker\r\n";
  EXPECT_EQ(Fixed("docker-compose.yml", compose),
            "services:\r\n  kestra:\r\n    environment:\r\n"
            "      # switched on by hand\r\n      - JAVA_OPTS=-Xmx1g\r\n"
            "  worker:\r\n    environment: []\r\n    command: server worker\r\n");
  EXPECT_EQ(Fixed("values.yaml",
                  "image:\n  repository: kestra/kestra-ee\ncommon:\n  extraEnv:\n"
                  "  - name: KESTRA_EE_TENANTS_ENABLED\n    value: \"true\"\n"
                  "deployments:\n  worker:\n    extraEnv:\n      - name: KESTRA_URL\n"
                  "        value: http://x/\n      - name: KESTRA_TENANTS_ENABLED\n"
                  "        value: \"true\"\n"),
            "image:\n  repository: kestra/kestra-ee\ncommon:\n  extraEnv: []\n"
            "deployments:\n  worker:\n    extraEnv:\n      - name: KESTRA_URL\n"
            "        value: http://x/\n");
}

TEST(RemovedTenantKeyFixTest, EnvironmentLayoutsThatAreNotCertainNeedAPerson) {
  for (const std::string environment : {
           // A folded line break is no blank of the file: the option's neighbours are unknown.
           "      JAVA_OPTS: -Xmx1g\n        -Dkestra.ee.tenants.enabled=true\n",
           // Flow collections are not edited line by line.
           "      {KESTRA_EE_TENANTS_ENABLED: \"true\"}\n",
           // A comment after the key: where `[]` would go is not certain.
           "      - KESTRA_EE_TENANTS_ENABLED=true\n",
       }) {
    const std::string key = environment[6] == '{' ? "    environment:\n" : "    environment: # x\n";
    const std::string compose = "services:\n  kestra:\n" + key + environment;
    SCOPED_TRACE(compose);
    std::vector<ScannedFile> files;
    files.push_back(ScanText("docker-compose.yml", compose));
    const auto findings = Check(files, "auto", "");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_TRUE(findings[0].fix.empty());
  }
}

TEST(RemovedTenantKeyFixTest, EnvironmentVariablesBecomeFallbackTenantInTheirOwnForm) {
  const std::string values =
      "image:\n  repository: kestra/kestra-ee\ncommon:\n  extraEnv:\n"
      "    - name: KESTRA_EE_TENANTS_DEFAULT_TENANT\n      value: true\n"
      "    - name: JAVA_OPTS\n      value: -Dkestra.ee.tenants.enabled=true -Xmx1g\n";
  EXPECT_EQ(Fixed("values.yaml", values), values);
  EXPECT_EQ(Fixed("values.yaml", values, "auto", "42"),
            "image:\n  repository: kestra/kestra-ee\ncommon:\n  extraEnv:\n"
            "    - name: KESTRA_EE_TENANTS_FALLBACK_TENANT\n      value: \"42\"\n"
            "    - name: JAVA_OPTS\n      value: -Xmx1g\n");
  EXPECT_EQ(Fixed(".env",
                  "KESTRA_EE_TENANTS_ENABLED=false\nJAVA_OPTS=-Dkestra.ee.tenants.enabled=false\n",
                  "ee", "42"),
            "KESTRA_EE_TENANTS_FALLBACK_TENANT=42\nJAVA_OPTS=\n");
  // A variable that cannot become fallbackTenant (a flow collection) keeps its siblings.
  const std::string flow =
      "services:\n  kestra:\n    image: kestra/kestra-ee:latest\n    environment: "
      "{KESTRA_EE_TENANTS_DEFAULT_TENANT: \"true\", JAVA_OPTS: \"-Dkestra.ee.tenants.enabled=true "
      "-Xmx1g\"}\n";
  EXPECT_EQ(Fixed("docker-compose.yml", flow, "auto", "acme"), flow);
}

TEST(ClientBaseUrlFixTest, AWorkflowStepWithoutTenantGetsTheCertainOneInItsOwnSetting) {
  const std::string path = ".github/workflows/validate.yml";
  const auto workflow = [](const std::string& newline) {
    return "on: push" + newline + "jobs:" + newline + "  check:" + newline +
           "    runs-on: ubuntu-latest" + newline + "    steps:" + newline +
           "      - uses: kestra-io/validate-action@develop" + newline + "        with:" + newline +
           "          server: https://kestra.example.com/api/v1  # prod" + newline +
           "          directory: ./flows" + newline;
  };
  std::string dropped = workflow("\n");
  dropped.erase(dropped.find("/api/v1"), 7);
  EXPECT_EQ(Fixed(path, workflow("\n")), dropped);
  std::string with_tenant = workflow("\r\n");
  with_tenant.erase(with_tenant.find("/api/v1"), 7);
  with_tenant.insert(with_tenant.find("          directory"), "          tenant: \"true\"\r\n");
  EXPECT_EQ(Fixed(path, workflow("\r\n"), "auto", "true"), with_tenant);
}

TEST(ClientTenantFixTest, FillsAnEmptyTenantOnlyWithACertainOneKeepingTheQuotes) {
  const std::string workflow =
      "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
      "      - uses: kestra-io/deploy-action@v1\n        with:\n"
      "          server: https://kestra.example.com\n          tenant: ''\n";
  const std::string path = ".github/workflows/deploy.yml";
  EXPECT_EQ(Fixed(path, workflow), workflow);
  std::string filled = workflow;
  filled.replace(filled.find("''"), 2, "'acme'");
  EXPECT_EQ(Fixed(path, workflow, "auto", "acme"), filled);
  filled = workflow;
  filled.replace(filled.find("''"), 2, "'main'");
  EXPECT_EQ(Fixed(path, workflow, "oss"), filled);
  EXPECT_EQ(Fixed("main.tf", "provider \"kestra\" {\n  tenant_id = \" \"\n}\n", "auto", "acme"),
            "provider \"kestra\" {\n  tenant_id = \"acme\"\n}\n");
  EXPECT_EQ(Fixed("flow.yml",
                  "id: export\nnamespace: company\ntasks:\n  - id: flows\n"
                  "    type: io.kestra.plugin.kestra.flows.ExportById\n    tenantId: \"\"\n"),
            "id: export\nnamespace: company\ntasks:\n  - id: flows\n"
            "    type: io.kestra.plugin.kestra.flows.ExportById\n"
            "    tenantId: \"{{ flow.tenantId }}\"\n");
}

TEST(ClientBaseUrlFixTest, DropsApiV1OnlyWhenNothingElseFollows) {
  auto fixed = [](const std::string& text, const std::string& url, bool has_tenant) {
    ScannedFile file = ScanText("deploy.yml", text);
    ClientSetting client;
    client.client = "kestra CLI";
    client.url_key = "server";
    client.url = url;
    client.has_url = true;
    client.has_tenant = has_tenant;
    client.tenant = "acme";
    const size_t at = text.find(url) - (text[text.find(url) - 1] == '"' ? 1 : 0);
    client.url_span = Span{at, at + url.size() + (text[at] == '"' ? 2 : 0)};
    file.clients.push_back(client);
    std::vector<ScannedFile> files;
    files.push_back(std::move(file));
    return ApplyFixes(text, Check(files, "ee", "")).text;
  };
  EXPECT_EQ(fixed("server: \"http://k:8080/api/v1/\" # prod\n", "http://k:8080/api/v1/", false),
            "server: \"http://k:8080\" # prod\n");
  EXPECT_EQ(fixed("server: http://k:8080/api/v1/acme\n", "http://k:8080/api/v1/acme", true),
            "server: http://k:8080\n");
  EXPECT_EQ(fixed("server: http://k:8080/api/v1/acme\n", "http://k:8080/api/v1/acme", false),
            "server: http://k:8080/api/v1/acme\n");
}

TEST(UnifiedDiffTest, ShowsContextAndRedactsSecrets) {
  const std::string before = "a: 1\npassword: hunter2\nb: 2\nc: 3\n";
  const std::string diff = UnifiedDiff("app.yml", before, {EditOf(28, 33, "")});
  EXPECT_EQ(diff,
            "--- a/app.yml\n+++ b/app.yml\n@@ -1,4 +1,3 @@\n a: 1\n password: ****\n b: 2\n"
            "-c: 3\n");
  EXPECT_EQ(diff.find("hunter2"), std::string::npos);
}

TEST(FixFilesTest, AFileChangedSinceTheScanIsRefused) {
  const TempDir dir;
  const std::string path = dir.Write("application.yml", "kestra:\n  url: x\n");
  ScanResult result;
  result.files.push_back(
      {path, FileKind::kApplicationConfig, Sha256Hex("kestra: {}\n"), "kestra: {}\n", 0});
  Finding finding = WithFix({EditOf(0, 0, "# x\n")});
  finding.path = path;
  result.findings.push_back(finding);
  std::ostringstream out;
  std::ostringstream log;
  ScanOptions scan;
  scan.paths = {path};
  EXPECT_TRUE(FixFiles(scan, testing::BuiltinRules(), result, FixFilesOptions{}, out, log).refused);
  EXPECT_EQ(log.str(), "refused: " + path +
                           ": it changed since it was read; run fix again; nothing written\n");
  EXPECT_EQ(Read(path), "kestra:\n  url: x\n");
}

TEST(FixFilesTest, NeverWritesATextThatNoLongerParses) {
  const TempDir dir;
  const std::string text = "kestra:\n  url: x\n";
  const std::string path = dir.Write("application.yml", text);
  ScanResult result;
  result.files.push_back({path, FileKind::kApplicationConfig, Sha256Hex(text), text, 0});
  Finding broken = WithFix({EditOf(6, 7, " [")});
  broken.path = path;
  result.findings.push_back(broken);
  std::ostringstream out;
  std::ostringstream log;
  ScanOptions scan;
  scan.paths = {path};
  const FixFilesResult fixed =
      FixFiles(scan, testing::BuiltinRules(), result, FixFilesOptions{}, out, log);
  EXPECT_TRUE(fixed.refused);
  EXPECT_NE(
      log.str().find("the fixed text would not parse cleanly (syntax error or duplicate key)"),
      std::string::npos);
  EXPECT_EQ(Read(path), text);
}

TEST(FixCommandTest, DiffAndDryRunWriteNothing) {
  const TempDir dir;
  const std::string text = "kestra:\n  ee:\n    tenants:\n      enabled: true\n    license: x\n";
  const std::string path = dir.Write("application.yml", text);
  const auto run = RunCliInProcess({"fix", "--dry-run", dir.path()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("-    tenants:\n-      enabled: true\n"), std::string::npos) << run.out;
  EXPECT_EQ(Read(path), text);
  EXPECT_EQ(RunCliInProcess({"fix", dir.path()}).exit_code, 0);
  EXPECT_EQ(Read(path), "kestra:\n  ee:\n    license: x\n");
}

TEST(FixCommandTest, ListsWhatNeedsAPersonAndFailsOnIt) {
  const TempDir dir;
  dir.Write("application.yml", "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n");
  const auto run = RunCliInProcess({"fix", dir.path()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("needs a person: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("application.yml:4:7: error: "), std::string::npos) << run.err;
}

TEST(FixCommandTest, AFixThatWouldRemoveASuppressedFindingIsNotApplied) {
  const TempDir dir;
  const std::string compose =
      "services:\n  kestra:\n    environment:\n      - KESTRA_EE_TENANTS_ENABLED=true\n"
      "      # kestra-lint disable-next-line removed-default-tenant -- for the rollback\n"
      "      - KESTRA_EE_TENANTS_DEFAULT_TENANT=false\n";
  const std::string path = dir.Write("docker-compose.yml", compose);
  const auto run = RunCliInProcess({"fix", dir.path()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("not fixed: " + path +
                         ":4:9: its fix would also remove a suppressed finding "
                         "[removed-tenants-enabled]"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(Read(path), compose);
}

// Issue 12: through a symlink, `fix tree` rewrote a file outside `tree`.
TEST(FixCommandTest, AFileOutsideThePathsGivenIsNeverWritten) {
  const TempDir dir;
  const std::string text = "kestra:\n  ee:\n    tenants:\n      enabled: true\n    license: x\n";
  const std::string outside = dir.Write("outside/application.yml", text);
  dir.Write("tree/README.md", "");
  std::filesystem::create_symlink(outside, dir.path() + "/tree/application.yml");
  const auto run = RunCliInProcess({"fix", dir.path() + "/tree"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("refused: " + dir.path() + "/tree/application.yml: it is a symlink to "),
            std::string::npos)
      << run.err;
  EXPECT_EQ(Read(outside), text);
  EXPECT_TRUE(std::filesystem::is_symlink(dir.path() + "/tree/application.yml"));
}

TEST(FixCommandTest, FixesStandardInputOntoStandardOutput) {
  const std::string text = "kestra:\n  ee:\n    tenants:\n      enabled: true\n    license: x\n";
  const auto run = RunCliInProcess({"fix", "--stdin-filename", "conf/application.yml", "-"}, text);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "kestra:\n  ee:\n    license: x\n");
  EXPECT_NE(run.err.find("fixed: conf/application.yml:4:7: "), std::string::npos) << run.err;
  const auto diff =
      RunCliInProcess({"fix", "--diff", "--stdin-filename", "conf/application.yml", "-"}, text);
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_EQ(diff.out.rfind("--- a/conf/application.yml\n+++ b/conf/application.yml\n", 0), 0u)
      << diff.out;
  const auto left = RunCliInProcess({"fix", "-"},
                                    "kestra:\n  ee:\n    tenants:\n"
                                    "      defaultTenant: true\n");
  EXPECT_EQ(left.exit_code, 1);  // left for a person
  EXPECT_EQ(left.out, "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n");
  const TempDir dir;
  EXPECT_EQ(RunCliInProcess({"fix", "-", dir.path()}, text).exit_code, 2);
}

// The rounds after the first see the baseline too: a waived finding stays.
TEST(FixCommandTest, EveryRoundKeepsTheBaseline) {
  const TempDir dir;
  const std::string head =
      "services:\n  kestra:\n    image: registry.kestra.io/docker/kestra-ee:latest\n"
      "    environment:\n      JAVA_OPTS: \"-Xmx2g -Dkestra.ee.tenants.enabled=true\"\n";
  const std::string path = dir.Write("docker-compose.yml", head);
  const std::string baseline = dir.path() + "/baseline.json";
  RunCliInProcess({"check", "--write-baseline", baseline, path});
  dir.Write("docker-compose.yml",
            head +
                "      KESTRA_CONFIGURATION: |\n        kestra:\n          ee:\n"
                "            tenants:\n              defaultTenant: true\n");
  const auto run = RunCliInProcess({"fix", "--tenant", "prod", "--baseline", baseline, path});
  EXPECT_NE(run.err.find("fixed 1 finding in 1 file"), std::string::npos) << run.err;
  EXPECT_NE(Read(path).find("-Dkestra.ee.tenants.enabled=true"), std::string::npos) << Read(path);
  EXPECT_NE(Read(path).find("fallbackTenant: prod"), std::string::npos) << Read(path);
}

}  // namespace
}  // namespace kestra_lint
