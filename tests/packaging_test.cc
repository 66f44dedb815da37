// What users install: the .deb that cpack makes from this build (unpacked
// and run), `cmake --install`, the self-contained binary, and the files
// beside them (licence, changelog, container). No test compiles anything:
// they package the build the suite runs in.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "external_tool.h"
#include "report/report.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::ReadFile;
using testing::RunShell;
using testing::SourceDir;
using testing::TempDir;

const std::string kExamples = SourceDir() + "/examples";

// What the package's files are, relative to its root.
const char* const kInstalledFiles[] = {
    "usr/bin/kestra-lint",
    "usr/share/man/man1/kestra-lint.1.gz",
    "usr/share/bash-completion/completions/kestra-lint",
    "usr/share/zsh/vendor-completions/_kestra-lint",
    "usr/share/fish/vendor_completions.d/kestra-lint.fish",
    "usr/share/doc/kestra-lint/copyright",
    "usr/share/doc/kestra-lint/README.md",
    "usr/share/doc/kestra-lint/CHANGELOG.md",
    "usr/share/doc/kestra-lint/docs/rules/removed-default-tenant.md",
};

// The JSON findings of `binary` on examples/ (1: it has findings).
testing::CliRun CheckExamples(const std::string& binary) {
  return RunShell(binary + " check --format json " + kExamples + " 2>&1");
}

#ifdef KESTRA_LINT_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

TEST(PackagingTest, DebianPackageInstallsAWorkingTool) {
  if (kSanitized) GTEST_SKIP() << "a package of the sanitizer build means nothing";
  const TempDir dir;
  const auto cpack = RunShell(std::string("cd ") + KESTRA_LINT_BUILD_DIR + " && " +
                              KESTRA_LINT_CPACK + " -G DEB -B " + dir.path() + " 2>&1");
  ASSERT_EQ(cpack.exit_code, 0) << cpack.out;
  const std::string deb = dir.path() + "/kestra-lint_" + ToolVersion() + "_" +
                          testing::ShellOutput("dpkg --print-architecture | tr -d '\\n'") + ".deb";

  const auto fields = RunShell("dpkg-deb -f " + deb + " Package Version Depends Description 2>&1");
  ASSERT_EQ(fields.exit_code, 0) << fields.out;
  EXPECT_NE(fields.out.find("\n kestra-lint checks a Kestra installation's configuration"),
            std::string::npos)
      << fields.out;
  EXPECT_EQ(fields.out.find(';'), std::string::npos) << fields.out;
  EXPECT_NE(fields.out.find("Package: kestra-lint\n"), std::string::npos) << fields.out;
  EXPECT_NE(fields.out.find("Version: " + std::string(ToolVersion()) + "\n"), std::string::npos);
  // dpkg-shlibdeps names the libraries the binary links, with versions.
  EXPECT_TRUE(std::regex_search(fields.out, std::regex("Depends: .*libc6 \\(>= [0-9.]+\\)")))
      << fields.out;
  EXPECT_TRUE(std::regex_search(fields.out, std::regex("libyaml-cpp0\\.7 \\(>= [0-9.]+\\)")))
      << fields.out;

  const std::string root = dir.path() + "/root";
  ASSERT_EQ(RunShell("dpkg-deb -x " + deb + " " + root).exit_code, 0);
  for (const char* file : kInstalledFiles) {
    EXPECT_FALSE(ReadFile(root + "/" + file).empty()) << file;
  }
  const auto listing = RunShell("dpkg-deb -c " + deb);
  EXPECT_NE(listing.out.find("-rwxr-xr-x root/root"), std::string::npos) << listing.out;

  const auto packaged = CheckExamples(root + "/usr/bin/kestra-lint");
  EXPECT_EQ(packaged.exit_code, 1);
  EXPECT_EQ(packaged.out, CheckExamples(KESTRA_LINT_BINARY).out);
  EXPECT_NE(packaged.out.find("\"ruleId\": \"removed-default-tenant\""), std::string::npos);
  EXPECT_EQ(RunShell(root + "/usr/bin/kestra-lint --version").out,
            RunShell(std::string(KESTRA_LINT_BINARY) + " --version").out);
}

TEST(PackagingTest, CmakeInstallPutsTheSameFilesUnderThePrefix) {
  if (kSanitized) GTEST_SKIP() << "an install of the sanitizer build means nothing";
  const TempDir dir;
  const auto install = RunShell("DESTDIR=" + dir.path() + " cmake --install " +
                                KESTRA_LINT_BUILD_DIR + " --prefix /usr 2>&1");
  ASSERT_EQ(install.exit_code, 0) << install.out;
  for (const char* file : kInstalledFiles) {
    EXPECT_FALSE(ReadFile(dir.path() + "/" + file).empty()) << file;
  }
}

TEST(PackagingTest, StaticBinaryNeedsNoSharedLibrary) {
#ifndef KESTRA_LINT_STATIC_BINARY
  GTEST_SKIP() << "built without KESTRA_LINT_STATIC (the sanitizer build cannot link statically)";
#else
  const auto ldd = RunShell(std::string("ldd ") + KESTRA_LINT_STATIC_BINARY + " 2>&1");
  EXPECT_NE(ldd.out.find("not a dynamic executable"), std::string::npos) << ldd.out;
  const auto run = CheckExamples(KESTRA_LINT_STATIC_BINARY);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, CheckExamples(KESTRA_LINT_BINARY).out);
  EXPECT_EQ(RunShell(std::string(KESTRA_LINT_STATIC_BINARY) + " check --version").out,
            RunShell(std::string(KESTRA_LINT_BINARY) + " --version").out);
#endif
}

TEST(PackagingTest, LicenceIsApache2AsKestras) {
  const std::string licence = ReadFile(SourceDir() + "/LICENSE");
  EXPECT_NE(licence.find("Apache License\n                           Version 2.0, January 2004"),
            std::string::npos);
  EXPECT_NE(licence.find("END OF TERMS AND CONDITIONS"), std::string::npos);
}

// Keep a Changelog: an Unreleased section, then one per release, newest
// first; the newest is the version the build reports.
TEST(PackagingTest, ChangelogHasAnEntryForThisVersion) {
  const std::string changelog = ReadFile(SourceDir() + "/CHANGELOG.md");
  EXPECT_NE(changelog.find("https://keepachangelog.com/en/1.1.0/"), std::string::npos);
  const size_t unreleased = changelog.find("\n## [Unreleased]\n");
  const size_t release = changelog.find("\n## [" + std::string(ToolVersion()) + "] - ");
  ASSERT_NE(unreleased, std::string::npos);
  ASSERT_NE(release, std::string::npos);
  EXPECT_LT(unreleased, release);
  EXPECT_EQ(changelog.find("\n## [", unreleased + 1), release);
}

TEST(PackagingTest, ContainerImageRunsTheDebAsANonRootUserInWork) {
  const std::string dockerfile = ReadFile(SourceDir() + "/Dockerfile");
  EXPECT_EQ(testing::Occurrences(dockerfile, "\nFROM debian:bookworm-slim"), 2u);
  EXPECT_NE(dockerfile.find("cpack -G DEB"), std::string::npos);
  EXPECT_NE(dockerfile.find("apt-get install -y --no-install-recommends /tmp/kestra-lint_"),
            std::string::npos);
  EXPECT_NE(dockerfile.find("\nUSER kestra-lint\n"), std::string::npos);
  EXPECT_NE(dockerfile.find("\nWORKDIR /work\n"), std::string::npos);
  EXPECT_NE(dockerfile.find("\nENTRYPOINT [\"kestra-lint\"]\n"), std::string::npos);
}

// Builds the image with podman and runs it on examples/. Opt-in
// (KESTRA_LINT_CONTAINER_TEST=1): it compiles kestra-lint once more inside
// the image. scripts/container-base.sh makes the base image where no
// registry is reachable; podman reads its settings from CONTAINERS_CONF.
TEST(PackagingTest, ContainerImageChecksTheMountedFolder) {
  const char* opt_in = std::getenv("KESTRA_LINT_CONTAINER_TEST");
  if (opt_in == nullptr || std::string(opt_in) != "1") {
    GTEST_SKIP() << "set KESTRA_LINT_CONTAINER_TEST=1 to build and run the image with podman";
  }
  const std::string image = "localhost/kestra-lint:test";
  const auto build =
      RunShell("podman build --pull=never -t " + image + " " + SourceDir() + " 2>&1 | tail -20");
  ASSERT_EQ(RunShell("podman image exists " + image).exit_code, 0) << build.out;
  const std::string run = "podman run --rm -v " + kExamples + ":/work:ro ";
  const auto user = RunShell(run + "--entrypoint sh " + image + " -c 'id -u; pwd' 2>&1");
  EXPECT_EQ(user.out, "10001\n/work\n");
  const auto contained = RunShell(run + image + " check --format json 2>&1");
  EXPECT_EQ(contained.exit_code, 1) << contained.out;
  const auto local =
      RunShell("cd " + kExamples + " && " + KESTRA_LINT_BINARY + " check --format json . 2>&1");
  EXPECT_EQ(contained.out, local.out);
  EXPECT_EQ(RunShell(run + image + " --version").out,
            RunShell(std::string(KESTRA_LINT_BINARY) + " --version").out);
}

}  // namespace
}  // namespace kestra_lint
