// `fix` reaches its fixed point in one run: on every example, every fuzz
// seed and a set of hostile shapes, with the tenant and edition options
// that enable the most fixes, a second run fixes nothing and changes no byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;
using testing::ExampleFolders;
using testing::ReadTree;
using testing::RunCliInProcess;
using testing::SourceDir;
using testing::TempDir;

std::string Repeat(const std::string& unit, size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += unit;
  return text;
}

// Shapes that stress the fixes' edits: encodings, line ends, styles, and
// the two cases that took a second run before (issue 12, item 9).
std::map<std::string, std::string> HostileShapes() {
  const std::string tenants =
      "kestra:\n  ee:\n    tenants:\n      enabled: true\n"
      "      defaultTenant: true\n    license: x\n";
  return {
      {"bom/application.yml", "\xEF\xBB\xBF" + tenants},
      {"crlf/application.yml",
       "kestra:\r\n  ee:\r\n    tenants:\r\n      enabled: true\r\n      defaultTenant: false\r\n"},
      {"cr-only/application.yml", "kestra:\r  ee:\r    tenants:\r      enabled: true\r"},
      {"latin1/application.yml", "name: caf\xE9\n" + tenants},
      {"nul/application.yml", std::string("a: 1\nb: \0\x01", 10) + tenants},
      {"utf16/application.yml", std::string("\xFF\xFE"
                                            "a\0:\0 \0"
                                            "1\0",
                                            10)},
      {"deep/application.yml", tenants + "deep: " + Repeat("[", 2000) + Repeat("]", 2000) + "\n"},
      {"merge/application.yml",
       "base: &t\n  enabled: true\nkestra:\n  ee:\n    tenants:\n      <<: *t\n"
       "      defaultTenant: false\n"},
      {"alias/application.yml", "a: &a [*a]\nb: [" + Repeat("1, ", 300) + "1]\n" + tenants},
      {"flow/application.yml",
       "kestra: {ee: {license: x, tenants: {enabled: true, defaultTenant: true}}}\n"},
      {"flow-broken/application.yml", "kestra: {ee: {tenants: {enabled: true,\n  a: 1}}}\n"},
      {"duplicate/application.yml", tenants + "kestra:\n  url: http://k/api/v1/flows\n"},
      {"quote/application.yml", tenants + "url: \"http://k:8080/api/v1/flows\n"},
      {"tabs/application.yml", "kestra:\n\tee:\n    tenants:\n      enabled: true\n"},
      {"comments/application.yml",
       "kestra: # c\n  ee: # c\n    tenants: # c\n      # about enabled\n      enabled: true # c\n"
       "      defaultTenant: true # c\n"},
      {"compose/docker-compose.yml",
       "services:\n  kestra:\n    image: registry.kestra.io/docker/kestra-ee:latest\n"
       "    environment:\n      JAVA_OPTS: \"-Xmx2g -Dkestra.ee.tenants.enabled=true\"\n"
       "      KESTRA_CONFIGURATION: |\n        kestra:\n          ee:\n            license:\n"
       "              id: abc\n            tenants:\n              defaultTenant: true\n"},
      {"chart/values.yaml",
       "image:\n  repository: kestra/kestra-ee\nconfiguration:\n  kestra:\n    ee:\n"
       "      tenants:\n        enabled: true\n        defaultTenant: true\ncommon:\n"
       "  extraEnv:\n    - name: KESTRA_EE_TENANTS_ENABLED\n      value: \"true\"\n"},
      {"env/.env",
       "KESTRA_EE_TENANTS_ENABLED=true\nKESTRA_EE_TENANTS_DEFAULT_TENANT=true\n"
       "JAVA_OPTS=-Dkestra.ee.tenants.enabled=true -Dkestra.ee.tenants.defaultTenant=true\n"},
      {"flows/flow.yml",
       "id: f\nnamespace: company\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.http."
       "Request\n    uri: http://localhost:8080/api/v1/executions/company/f\n"},
  };
}

struct Case {
  std::string name;
  fs::path source;                           // a folder to copy, or empty
  std::map<std::string, std::string> files;  // else the files to write
};

std::vector<Case> Cases() {
  std::vector<Case> cases;
  for (const std::string& folder : ExampleFolders()) {
    const fs::path example(folder);
    const fs::path before = example / "before";
    cases.push_back({example.filename().string(), fs::exists(before) ? before : example, {}});
  }
  // The fuzz seeds, under names that make them files of each kind.
  const std::map<std::string, std::vector<std::string>> names = {
      {"embedded_yaml", {"docker-compose.yml", "values.yaml", "application.yml"}},
      {"fast_yaml", {"docker-compose.yml", "values.yaml", "application.yml"}},
      {"yaml_loader", {"docker-compose.yml", "values.yaml", "application.yml"}},
      {"env_file", {".env"}},
      {"properties_file", {"application.properties"}},
  };
  Case seeds{"fuzz seeds", {}, {}};
  for (const auto& [corpus, kinds] : names) {
    for (const auto& seed : fs::directory_iterator(fs::path(SourceDir()) / "tests/fuzz" / corpus)) {
      std::ifstream in(seed.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      for (const std::string& kind : kinds) {
        seeds.files[corpus + "/" + seed.path().stem().string() + "/" + kind] = text.str();
      }
    }
  }
  cases.push_back(std::move(seeds));
  cases.push_back({"hostile shapes", {}, HostileShapes()});
  return cases;
}

TEST(FixConvergenceTest, ASecondRunChangesNothing) {
  // The tenant turns on the fixes that need one; the edition, when the files
  // do not tell it, those of Enterprise.
  const std::vector<std::vector<std::string>> option_sets = {
      {"--tenant", "acme"}, {"--edition", "ee", "--tenant", "acme"}};
  size_t fixed_somewhere = 0;
  for (const Case& example : Cases()) {
    for (const auto& options : option_sets) {
      SCOPED_TRACE(example.name + " with " + ::testing::PrintToString(options));
      const TempDir dir;
      if (!example.source.empty()) dir.CopyIn(example.source);
      for (const auto& [path, text] : example.files) dir.Write(path, text);
      std::vector<std::string> args = {"fix"};
      args.insert(args.end(), options.begin(), options.end());
      args.push_back(dir.path());
      const auto first = RunCliInProcess(args);
      EXPECT_TRUE(first.exit_code == 0 || first.exit_code == 1) << first.err;
      fixed_somewhere += first.err.find("fixed 0 findings") == std::string::npos;
      const auto fixed = ReadTree(dir.path());
      const auto second = RunCliInProcess(args);
      EXPECT_NE(second.err.find("fixed 0 findings in 0 files"), std::string::npos) << second.err;
      EXPECT_EQ(ReadTree(dir.path()), fixed);
    }
  }
  EXPECT_GE(fixed_somewhere, 30u);  // the cases do exercise the fixes
}

}  // namespace
}  // namespace kestra_lint
