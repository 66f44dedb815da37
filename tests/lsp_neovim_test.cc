// The real-client test: headless Neovim (Debian package neovim, installed by
// scripts/deps.sh) opens a file through `kestra-lint lsp`, and the
// diagnostics it shows must sit at the exact line and column.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace kestra_lint::testing {
namespace {

bool HaveNeovim() { return std::system("command -v nvim >/dev/null 2>&1") == 0; }

// Opens `relative` (written with `content` into a fresh workspace) in
// headless Neovim with kestra-lint as its language server; returns what
// tests/neovim/diagnostics.lua recorded.
std::string DiagnosticsInNeovim(const std::string& relative, const std::string& content) {
  TempDir dir;
  const std::string file = dir.Write(relative, content);
  const std::string out = dir.path() + "/diagnostics.txt";
  const std::string command = "cd '" + dir.path() +
                              "' && KL_BIN='" KESTRA_LINT_BINARY "' KL_ROOT='" + dir.path() +
                              "' KL_FILE='" + file + "' KL_OUT='" + out +
                              "' timeout 60 nvim --headless -n -i NONE -u NONE -c 'luafile " +
                              SourceDir() + "/tests/neovim/diagnostics.lua' >/dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr const char kNoNeovim[] =
    "nvim not found: install the Debian package neovim (scripts/deps.sh does) to run the "
    "real-client test of kestra-lint lsp";

// Neovim stores 0-based lines and byte columns; severity 1 is an error.
TEST(LspNeovim, ComposeFileShowsTheRemovedKeyInsideKestraConfigurationAtItsPosition) {
  if (!HaveNeovim()) GTEST_SKIP() << kNoNeovim;
  EXPECT_EQ(DiagnosticsInNeovim("deploy/docker-compose.yml",
                                "services:\n"
                                "  kestra:\n"
                                "    image: kestra/kestra:latest\n"
                                "    environment:\n"
                                "      KESTRA_CONFIGURATION: |\n"
                                "        kestra:\n"
                                "          ee:\n"
                                "            tenants:\n"
                                "              defaultTenant: true\n"),
            "8:14:27:1:removed-default-tenant\n"
            "after-edit:0\n");
}

TEST(LspNeovim, NonAsciiBeforeAFindingKeepsItsExactColumnAndEditsAreFollowed) {
  if (!HaveNeovim()) GTEST_SKIP() << kNoNeovim;
  // "café 😀 " before the URI: byte column 21, UTF-16 character 18, code point 17.
  EXPECT_EQ(DiagnosticsInNeovim(
                "application.yml",
                "kestra:\n  ee:\n    tenants:\n      enabled: true\n  url: \"http://kestra:8080\"\n"
                "  notes: \"caf\xC3\xA9 \xF0\x9F\x98\x80 http://kestra:8080/api/v1/executions/"
                "search\"\n"),
            "3:6:13:1:removed-tenants-enabled\n"
            "5:21:64:1:api-uri-missing-tenant\n"
            "after-edit:1\n");
}

}  // namespace
}  // namespace kestra_lint::testing
