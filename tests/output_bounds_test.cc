// Output stays in proportion to the input (docs/hostile-input.md, "Output"):
// for a file under --max-file-size, every format prints at most 64 MB and the
// run peaks under 512 MB, with its address space capped.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "findings/finding.h"
#include "test_support.h"

namespace kestra_lint {
namespace {

using testing::TempDir;

constexpr off_t kMaxOutputBytes = 64 << 20;
#ifdef KESTRA_LINT_SANITIZED
constexpr bool kLimitAddressSpace = false;
#else
constexpr bool kLimitAddressSpace = true;
#endif
constexpr rlim_t kAddressSpaceLimit = rlim_t{1} << 30;
constexpr long kMaxResidentKb = 512 * 1024;

struct Measured {
  int exit_code = -1;
  off_t output_bytes = 0;
  long max_resident_kb = 0;
};

// Runs the binary with `args`, its standard output to `out_path`.
Measured RunMeasured(std::vector<std::string> args, const std::string& out_path) {
  args.insert(args.begin(), KESTRA_LINT_BINARY);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    const int null = open("/dev/null", O_RDWR);
    if (out < 0 || null < 0) _exit(126);
    dup2(null, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    if (kLimitAddressSpace) {
      const rlimit limit{kAddressSpaceLimit, kAddressSpaceLimit};
      setrlimit(RLIMIT_AS, &limit);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  Measured measured;
  int status = 0;
  rusage usage{};
  if (child < 0 || wait4(child, &status, 0, &usage) != child) return measured;
  measured.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  measured.max_resident_kb = usage.ru_maxrss;
  struct stat info {};
  if (stat(out_path.c_str(), &info) == 0) measured.output_bytes = info.st_size;
  return measured;
}

// One line of `bytes` holding tenant-less API URIs (issue 12, item 3).
std::string OneLineOfUris(size_t bytes) {
  std::string line = "kestra:\n  url: \"";
  int i = 0;
  while (line.size() < bytes - 64) {
    line += "http://kestra:8080/api/v1/flows/n/f" + std::to_string(i++) + " ";
  }
  return line + "\"\n";
}

// A megabyte of lines, each a tenant-less API URI: some 25,000 findings.
std::string ManyUriLines() {
  std::string text = "kestra:\n";
  for (int i = 0; text.size() < (1 << 20); ++i) {
    text += "  k" + std::to_string(i) + ": http://kestra:8080/api/v1/flows/n/f\n";
  }
  return text;
}

TEST(OutputBoundsTest, EveryFormatStaysUnder64MegabytesAnd512MegabytesOfMemory) {
  const TempDir dir;
  dir.Write(".kestra-lint.yaml", "edition: ee\n");
  dir.Write("line/application.yml", ManyUriLines());
  dir.Write("line/long/application.yml", OneLineOfUris(64 << 10));
  for (const char* format :
       {"text", "compact", "github", "gitlab", "json", "junit", "sarif", "checkstyle"}) {
    const std::string out = dir.path() + "/out";
    const Measured run =
        RunMeasured({"check", "--no-color", "--format", format, dir.path() + "/line"}, out);
    EXPECT_EQ(run.exit_code, 1) << format;
    EXPECT_GT(run.output_bytes, 0) << format;
    EXPECT_LE(run.output_bytes, kMaxOutputBytes) << format;
    EXPECT_LT(run.max_resident_kb, kMaxResidentKb) << format;
  }
  const Measured fix = RunMeasured({"fix", "--diff", dir.path() + "/line"}, dir.path() + "/diff");
  EXPECT_LE(fix.output_bytes, kMaxOutputBytes);
  EXPECT_LT(fix.max_resident_kb, kMaxResidentKb);
}

TEST(OutputBoundsTest, ALongLineIsShownAsAWindowAndExtraFindingsAreSummarised) {
  const TempDir dir;
  dir.Write(".kestra-lint.yaml", "edition: ee\n");
  dir.Write("application.yml", OneLineOfUris(64 << 10));
  const testing::CliRun run = testing::RunBinary("check --no-color --format text " + dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("more findings in this file are not shown: one file reports at most " +
                         std::to_string(kMaxFindingsPerFile)),
            std::string::npos)
      << run.out.substr(run.out.size() > 3000 ? run.out.size() - 3000 : 0);
  // Each finding shows a window of the line, not the whole line.
  EXPECT_LT(run.out.size(), (kMaxFindingsPerFile + 1) * 1500);
}

}  // namespace
}  // namespace kestra_lint
