// Planted secrets, every file kind, every output: no output of any command
// may hold one. Each secret is "PLANTED" plus a number, on a line that a
// finding shows or a fix's diff prints as context, in one of the shapes that
// leaked before (issue 12, item 6).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lsp_client.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::CliRun;
using testing::LspClient;
using testing::RunBinary;
using testing::TempDir;

constexpr char kApi[] = "http://kestra:8080/api/v1/flows";

struct Corpus {
  std::vector<std::pair<std::string, std::string>> files;
  int planted = 0;

  std::string Secret() { return "PLANTED" + std::to_string(++planted); }
};

Corpus MakeCorpus() {
  Corpus corpus;
  const std::string api = kApi;
  // A workflow's shell lines: each has a finding (a tenant-less URI).
  std::string workflow =
      "on: push\njobs:\n  call:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n";
  const std::vector<std::string> shell = {
      "curl -u admin:{} " + api,
      "curl --user=admin:{} " + api,
      "curl --user admin:{} " + api,
      "curl -H \"Authorization: token {}\" " + api,
      "curl -H 'Authorization: Basic {}' " + api,
      "curl -H 'Authorization: Bearer {}' " + api,
      "curl -H \"X-Api-Key: {}\" " + api,
      "curl \"" + api + "#access_token={}\"",
      "curl \"" + api + "?a=1&sig={}&b=2\"",
      "curl " + api + "?token={}",
      "curl http://admin:pa/{}@kestra:8080/api/v1/flows",
      "curl http://admin:{}@kestra:8080/api/v1/flows",
      "java -Dpassword={} -jar x.jar " + api,
      "java -Dkestra.ee.license.key={} -jar x.jar " + api,
      "PASSWORD={} curl " + api,
      "export KESTRA_TOKEN={}; curl " + api,
      "curl --password {} " + api,
      "kestractl --token={} " + api,
      "curl -H 'Cookie: session={}' " + api,
      "curl -H 'Private-Token: {}' " + api,
      "curl -d '{\"password\": \"{}\"}' " + api,
      "curl -H \"Authorization: Digest username=a, response={}\" " + api,
      "wget --header='Authorization: Token {}' " + api,
      "curl " + api + "?client_secret={}",
      "DB_PASSWORD='{} two' curl " + api,
      "curl -u {}:x-oauth-basic " + api,
  };
  for (const std::string& line : shell) {
    std::string planted = line;
    planted.replace(planted.find("{}"), 2, corpus.Secret());
    workflow += "          " + planted + "\n";
  }
  corpus.files.push_back({".github/workflows/ci.yml", workflow});

  // Application config: secrets beside a fixed key (diff context) and in URIs.
  std::string config = "kestra:\n  ee:\n    license:\n      key: " + corpus.Secret() +
                       " second word\n      id: " + corpus.Secret() + "\n    tenants:\n" +
                       "      defaultTenant: true\n  password: \"" + corpus.Secret() +
                       " x\"\n  secret-key: {key: " + corpus.Secret() + " y}\n" +
                       "  url: http://admin:" + corpus.Secret() + "@kestra:8080/api/v1/flows\n" +
                       "  token: " + corpus.Secret() + " # a comment\n";
  corpus.files.push_back({"app/application.yml", config});

  // A license in a block scalar, next to a fixed key.
  std::string block = "kestra:\n  ee:\n    license:\n      fingerprint: |\n        " +
                      corpus.Secret() + "\n        " + corpus.Secret() +
                      "\n    tenants:\n      defaultTenant: true\n";
  corpus.files.push_back({"block/application.yml", block});

  // Compose: -D options in JAVA_OPTS and a config block with a fix.
  std::string compose =
      "services:\n  kestra:\n    image: kestra/kestra:v0.22.10\n"
      "    environment:\n      JAVA_OPTS: \"-Xmx1g -Dpassword=" +
      corpus.Secret() + " -Dkestra.ee.license.key=" + corpus.Secret() +
      "\"\n      KESTRA_CONFIGURATION: |\n        datasources:\n"
      "          postgres:\n            password: " +
      corpus.Secret() +
      "\n        kestra:\n          ee:\n            tenants:\n"
      "              defaultTenant: true\n"
      "          url: jdbc:postgresql://db/k?user=k&password=" +
      corpus.Secret() + "\n";
  corpus.files.push_back({"compose/docker-compose.yml", compose});

  // Helm values: an env list whose value sits beside a secret name.
  std::string values =
      "configuration:\n  kestra:\n    ee:\n      tenants:\n"
      "        defaultTenant: true\n"
      "extraEnv:\n  - name: KESTRA_PASSWORD\n    value: " +
      corpus.Secret() + " words\n  - name: DB_TOKEN\n    value: \"" + corpus.Secret() + "\"\n";
  corpus.files.push_back({"chart/values.yaml", values});

  // Kubernetes manifest with a tenant-less URI beside an env list.
  std::string manifest =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: k\nspec:\n  template:\n"
      "    spec:\n      containers:\n        - name: k\n          env:\n"
      "            - name: API_TOKEN\n              value: " +
      corpus.Secret() + "\n            - name: URL\n              value: " + api +
      "?sig=" + corpus.Secret() + "\n";
  corpus.files.push_back({"k8s/deployment.yaml", manifest});

  // Terraform: `password = "..."` and a name/value pair around a URI.
  std::string terraform = "resource \"x\" \"y\" {\n  url      = \"" + api + "\"\n  password = \"" +
                          corpus.Secret() +
                          "\"\n  env {\n    name  = \"KESTRA_PASSWORD\"\n    value = \"" +
                          corpus.Secret() + "\"\n  }\n}\n";
  corpus.files.push_back({"tf/main.tf", terraform});

  // .properties and .env files.
  corpus.files.push_back({"props/application.properties",
                          "kestra.url=" + std::string(api) +
                              "\nkestra.ee.license.key=" + corpus.Secret() + " with words\n" +
                              "kestra.ee.tenants.defaultTenant=true\n" +
                              "kestra.server.basic-auth.password=" + corpus.Secret() + "\n"});
  corpus.files.push_back(
      {"envs/.env", "KESTRA_URL=" + std::string(api) + "\nKESTRA_API_TOKEN=" + corpus.Secret() +
                        "\nAWS_SECRET_ACCESS_KEY=" + corpus.Secret() + "/xyz\n"});

  // A flow calling the API with credentials.
  std::string flow =
      "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n"
      "    uri: " +
      std::string(api) + "\n    headers:\n      Authorization: Bearer " + corpus.Secret() +
      "\n    basicAuthPassword: " + corpus.Secret() +
      "\n    password: ${{ secrets.KEEP_ME_WHOLE }}\n  - id: u\n"
      "    type: io.kestra.plugin.core.http.Request\n    uri: http://u:" +
      corpus.Secret() + "@kestra:8080/api/v1/executions\n";
  corpus.files.push_back({"flows/f.yml", flow});

  return corpus;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void ExpectNoSecret(const std::string& output, const std::string& what) {
  const size_t at = output.find("PLANTED");
  EXPECT_EQ(at, std::string::npos)
      << what << " prints a secret: "
      << output.substr(at == std::string::npos ? 0 : (at > 120 ? at - 120 : 0), 240);
}

class SecretsCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = MakeCorpus();
    dir_.Write(".kestra-lint.yaml", "edition: ee\n");
    for (const auto& [path, text] : corpus_.files) dir_.Write(path, text);
  }
  Corpus corpus_;
  TempDir dir_;
};

TEST_F(SecretsCorpusTest, PlantsAtLeastFiftySecretsAcrossEveryFileKind) {
  EXPECT_GE(corpus_.planted, 50);
  const TempDir out;
  RunBinary("audit --json " + out.path() + "/a.json " + dir_.path());
  const nlohmann::json audit = nlohmann::json::parse(ReadAll(out.path() + "/a.json"));
  std::set<std::string> kinds;
  for (const auto& file : audit["files"]) kinds.insert(file["kind"].get<std::string>());
  EXPECT_GE(kinds.size(), 9u) << audit["files"].dump();
  // The secrets sit on lines the outputs show: one finding per shell line at least.
  EXPECT_GE(audit["summary"]["findings"].get<int>(), 26);
}

TEST_F(SecretsCorpusTest, NoFormatPrintsASecret) {
  for (const char* format :
       {"text", "compact", "github", "gitlab", "json", "junit", "sarif", "checkstyle"}) {
    const CliRun run =
        RunBinary(std::string("check --no-color --format ") + format + " " + dir_.path());
    EXPECT_EQ(run.exit_code, 1) << format << ": " << run.err;
    ExpectNoSecret(run.out + run.err, format);
  }
}

TEST_F(SecretsCorpusTest, NoAuditReportDiffOrBaselinePrintsASecret) {
  const TempDir out;
  const CliRun audit = RunBinary("audit --json " + out.path() + "/a.json --html " + out.path() +
                                 "/a.html --markdown " + out.path() + "/a.md " + dir_.path());
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  for (const char* report : {"a.json", "a.html", "a.md"}) {
    const std::string text = ReadAll(out.path() + "/" + report);
    EXPECT_GT(text.size(), 1000u) << report;
    ExpectNoSecret(text, report);
  }
  ExpectNoSecret(audit.out + audit.err, "audit");
  const CliRun diff = RunBinary("fix --diff --tenant prod " + dir_.path());
  EXPECT_NE(diff.out.find("-      defaultTenant: true"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("password: ${{ secrets.KEEP_ME_WHOLE }}"), std::string::npos)
      << "a reference to a secret is not a secret";
  ExpectNoSecret(diff.out + diff.err, "fix --diff");
  const CliRun baseline =
      RunBinary("check --write-baseline " + out.path() + "/baseline.json " + dir_.path());
  const std::string written = ReadAll(out.path() + "/baseline.json");
  EXPECT_GT(written.size(), 100u) << baseline.err;
  ExpectNoSecret(written + baseline.out + baseline.err, "baseline");
}

TEST_F(SecretsCorpusTest, LanguageServerShowsNoSecret) {
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize();
  int documents = 0;
  for (const auto& [path, text] : corpus_.files) {
    const std::string uri = "file://" + dir_.path() + "/" + path;
    client.Open(uri, text);
    const nlohmann::json diagnostics = client.Diagnostics(uri);
    ExpectNoSecret(diagnostics.dump(), "diagnostics of " + path);
    for (const auto& diagnostic : diagnostics) {
      const nlohmann::json hover = client.Response(client.Request(
          "textDocument/hover",
          {{"textDocument", {{"uri", uri}}}, {"position", diagnostic["range"]["start"]}}));
      ExpectNoSecret(hover.dump(), "hover in " + path);
      ++documents;
    }
  }
  EXPECT_GE(documents, 20);
  EXPECT_EQ(client.Shutdown(), 0);
}

// A custom pack quoting the value it matched ({value}) in its message and
// suggestion, on JDBC URLs that carry credentials: the message is masked like
// source text, in every output.
class CustomPackSecretsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string pack =
        "id: team-jdbc\nversion: 1.0.0\ntitle: Team JDBC rules\nrules:\n"
        "  - id: jdbc-url-quoted\n    type: PropertySet\n    title: A JDBC URL is set\n"
        "    severity: warning\n    properties: [datasources.postgres.url]\n"
        "    message: \"'{written}' is {value}\"\n"
        "    suggestion: \"Move {value} into a secret\"\n";
    pack_ = dir_.Write("packs/jdbc.yaml", pack);
    dir_.Write(".kestra-lint.yaml", "edition: oss\n");
    files_ = {
        {"userinfo/application.yml",
         "datasources:\n  postgres:\n    url: jdbc:postgresql://kestra:PLANTED1@db:5432/kestra\n"},
        {"parameter/application.yml",
         "datasources:\n  postgres:\n    url: "
         "\"jdbc:postgresql://db:5432/kestra?user=kestra&password=PLANTED2&ssl=true\"\n"},
        {"properties/application.properties",
         "datasources.postgres.url=jdbc:postgresql://db/kestra?password=PLANTED3\n"},
    };
    for (const auto& [path, text] : files_) dir_.Write(path, text);
  }
  TempDir dir_;
  std::string pack_;
  std::vector<std::pair<std::string, std::string>> files_;
};

TEST_F(CustomPackSecretsTest, MessagesQuotingAJdbcUrlShowNoPassword) {
  // --rules takes every word after it, so it comes last.
  const std::string rules = " --rules " + pack_;
  for (const char* format :
       {"text", "compact", "github", "gitlab", "json", "junit", "sarif", "checkstyle"}) {
    const CliRun run = RunBinary(std::string("check --no-color --fail-on never --format ") +
                                 format + " " + dir_.path() + rules);
    EXPECT_EQ(run.exit_code, 0) << format << ": " << run.err;
    // The rule fired on each file, and its message quotes the masked URL.
    for (const auto& [path, text] : files_) {
      EXPECT_NE(run.out.find(path), std::string::npos) << format << " misses " << path;
    }
    EXPECT_NE(run.out.find("jdbc:postgresql://****@db:5432/kestra"), std::string::npos)
        << format << ": " << run.out;
    ExpectNoSecret(run.out + run.err, format);
  }
  const TempDir out;
  const CliRun audit =
      RunBinary("audit --json " + out.path() + "/a.json --html " + out.path() +
                "/a.html --markdown " + out.path() + "/a.md " + dir_.path() + rules);
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
  for (const char* report : {"a.json", "a.html", "a.md"}) {
    const std::string text = ReadAll(out.path() + "/" + report);
    EXPECT_NE(text.find("jdbc-url-quoted"), std::string::npos) << report;
    ExpectNoSecret(text, report);
  }
}

TEST_F(CustomPackSecretsTest, HoverOnAJdbcUrlShowsNoPassword) {
  // The language server takes its packs from the settings.
  dir_.Write(".kestra-lint.yaml", "edition: oss\nrulePacks: [packs/jdbc.yaml]\n");
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize();
  for (const auto& [path, text] : files_) {
    const std::string uri = "file://" + dir_.path() + "/" + path;
    client.Open(uri, text);
    const nlohmann::json diagnostics = client.Diagnostics(uri, 1);
    ASSERT_EQ(diagnostics.size(), 1u) << path << ": " << diagnostics.dump();
    EXPECT_EQ(diagnostics[0]["code"], "jdbc-url-quoted");
    ExpectNoSecret(diagnostics.dump(), "diagnostics of " + path);
    const nlohmann::json hover = client.Response(client.Request(
        "textDocument/hover",
        {{"textDocument", {{"uri", uri}}}, {"position", diagnostics[0]["range"]["start"]}}));
    EXPECT_NE(hover.dump().find("jdbc:postgresql://"), std::string::npos) << hover.dump();
    ExpectNoSecret(hover.dump(), "hover in " + path);
  }
  EXPECT_EQ(client.Shutdown(), 0);
}

}  // namespace
}  // namespace kestra_lint
