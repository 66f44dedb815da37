// The source-kind registry: the names outputs print, the files a walk picks
// and the server watches, and which kind wins where two could read a file.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "base/glob.h"
#include "extract/extract.h"
#include "extract/source_kind.h"

namespace kestra_lint {
namespace {

TEST(SourceKindsTest, EachKindIsDescribedOnceWithOneExtractor) {
  std::set<std::string> names;
  for (size_t i = 0; i < SourceKinds().size(); ++i) {
    const SourceKind& kind = SourceKinds()[i];
    EXPECT_EQ(static_cast<size_t>(kind.kind), i) << kind.name;
    EXPECT_EQ(&SourceKindOf(kind.kind), &kind) << kind.name;
    EXPECT_TRUE(names.insert(kind.name).second) << "two kinds named " << kind.name;
    EXPECT_NE(std::string(kind.description), "") << kind.name;
    EXPECT_NE(kind.extract_text == nullptr, kind.extract_document == nullptr) << kind.name;
    // The one exception: text named on the command line that is not YAML,
    // which the dispatch decides after YAML fails and a walk never picks.
    if (kind.kind == FileKind::kText) continue;
    EXPECT_FALSE(kind.file_patterns.empty()) << kind.name;
    // A format of its own is never parsed as YAML: only its name can say it.
    if (kind.extract_text != nullptr) {
      EXPECT_EQ(kind.recognised_by_content, nullptr) << kind.name;
      EXPECT_TRUE(kind.recognised_by_file_patterns || kind.recognised_by_name != nullptr)
          << kind.name;
    }
  }
  // The fallback of a file no kind recognises is read as YAML.
  EXPECT_NE(SourceKindOf(FileKind::kOtherYaml).extract_document, nullptr);
}

TEST(SourceKindsTest, KindNamesAsOutputsPrintThem) {
  std::vector<std::string> names;
  for (const SourceKind& kind : SourceKinds()) names.push_back(kind.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "properties", "env file", "terraform", "flow", "kubernetes manifest",
                       "compose", "github workflow", "kestractl config", "helm values",
                       "application config", "source code", "shell script", "build file", "json",
                       "docs", "http requests", "text", "yaml"}));
  EXPECT_STREQ(FileKindName(FileKind::kOtherYaml), "yaml");
  EXPECT_STREQ(FileKindName(FileKind::kHelmValues), "helm values");
}

TEST(SourceKindsTest, AWalkPicksConfigurationAndApplicationFileNamesOnly) {
  for (const char* name : {"application.yml", "values.yaml", "app.properties", ".env", "prod.env",
                           ".env.local", "main.tf", ".kestra-lint.yaml"}) {
    EXPECT_TRUE(IsSourceFileName(name)) << name;
  }
  // Application code, scripts, build files, JSON and docs are read for API calls.
  for (const char* name : {"README.md", "docker-compose.txt", "Makefile", "main.tf.json",
                           "route.ts", "agent.py", "deploy.sh", "Dockerfile", "calls.http"}) {
    EXPECT_TRUE(IsSourceFileName(name)) << name;
  }
  for (const char* name : {".envrc", "env", "yml", "app.yaml.bak", "logo.png", "app.tar.gz"}) {
    EXPECT_FALSE(IsSourceFileName(name)) << name;
  }
}

TEST(SourceKindsTest, TheServerWatchesExactlyTheNamesAWalkPicks) {
  const std::vector<std::string> globs = WatchedGlobs();
  EXPECT_EQ(std::set<std::string>(globs.begin(), globs.end()).size(), globs.size());
  for (const char* name : {"application.yml", "values.yaml", "app.properties", ".env", "prod.env",
                           ".env.local", "main.tf", "README.md", "Makefile", ".envrc",
                           "main.tf.json", "docker-compose.txt", "logo.png"}) {
    bool watched = false;
    for (const std::string& glob : globs)
      watched = watched || GlobMatch(glob, "a/b/" + std::string(name));
    EXPECT_EQ(watched, IsSourceFileName(name)) << name;
  }
}

TEST(SourceKindsTest, NamePrecedence) {
  const std::vector<std::pair<const char*, FileKind>> cases = {
      {"conf/app.properties", FileKind::kProperties},
      {"compose.properties", FileKind::kProperties},
      {"docker-compose.env", FileKind::kEnvFile},
      {".env.production", FileKind::kEnvFile},
      {"infra/compose.tf", FileKind::kTerraform},
      {"docker-compose.override.yml", FileKind::kCompose},
      {"compose-prod.yaml", FileKind::kCompose},
      {"compose-values.yaml", FileKind::kCompose},
      {".github/workflows/docker-compose.yml", FileKind::kCompose},
      {".github/workflows/values.yml", FileKind::kWorkflow},
      {".github/workflows/sub/deploy.yaml", FileKind::kWorkflow},
      {".github/workflows/notes.txt", FileKind::kDocs},
      {"charts/kestra-values.yml", FileKind::kHelmValues},
      {"charts/kestra.values.yaml", FileKind::kHelmValues},
      {"home/.kestractl/config.yaml", FileKind::kKestractl},
      {"home/.kestractl/config", FileKind::kKestractl},
      {"home/.kestractl/values.yaml", FileKind::kHelmValues},
      {"application.yml", FileKind::kOtherYaml},
      {"kestra.yaml", FileKind::kOtherYaml},
  };
  for (const auto& [path, kind] : cases) {
    EXPECT_STREQ(FileKindName(KindFromName(path)), FileKindName(kind)) << path;
  }
}

TEST(SourceKindsTest, ContentPrecedence) {
  const std::vector<std::pair<const char*, FileKind>> cases = {
      {"id: a\nnamespace: b\ntasks: []\napiVersion: v1\nkind: Pod\n", FileKind::kFlow},
      {"id: a\nnamespace: b\ntriggers: []\n", FileKind::kFlow},
      {"apiVersion: v1\nkind: ConfigMap\nservices: {}\n", FileKind::kKubernetes},
      {"services:\n  kestra: {}\njobs: {}\non: push\n", FileKind::kCompose},
      {"services: [a]\n", FileKind::kOtherYaml},
      {"jobs: {}\non: push\ncontexts: {}\n", FileKind::kWorkflow},
      {"contexts: {}\nimage: {}\nextraEnv: []\n", FileKind::kKestractl},
      {"contexts: {}\nkestra: {}\n", FileKind::kApplicationConfig},
      {"image: {}\nconfiguration: x\nkestra: {}\n", FileKind::kHelmValues},
      {"configurations:\n  application: {}\n", FileKind::kHelmValues},
      {"kestra.url: x\n", FileKind::kApplicationConfig},
      {"micronaut: {}\n", FileKind::kApplicationConfig},
      {"- kestra\n", FileKind::kOtherYaml},
      {"other: 1\n", FileKind::kOtherYaml},
  };
  for (const auto& [text, kind] : cases) {
    EXPECT_STREQ(FileKindName(ExtractText("deploy/x.yaml", text).kind), FileKindName(kind)) << text;
  }
}

TEST(SourceKindsTest, TheFirstDocumentThatSaysAKindNamesTheFile) {
  const ScannedFile file =
      ExtractText("all.yaml", "other: 1\n---\napiVersion: v1\nkind: Pod\n---\nkestra: {}\n");
  EXPECT_EQ(file.kind, FileKind::kKubernetes);
}

}  // namespace
}  // namespace kestra_lint
