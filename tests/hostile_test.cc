// Hostile input, end to end: the real binary runs on each input beside a
// file with a known finding, bounded in wall time and memory, and must end
// with the documented finding or error (docs/hostile-input.md) while still
// reporting the other file. A crash, a hang or a memory blow-up fails.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

#ifdef KESTRA_LINT_SANITIZED
// Sanitizers slow the binary down and reserve terabytes of address space.
constexpr int kSecondsAllowed = 240;
constexpr bool kLimitAddressSpace = false;
constexpr long kMaxResidentKb = 1024 * 1024;
#else
constexpr int kSecondsAllowed = 60;
constexpr bool kLimitAddressSpace = true;
constexpr long kMaxResidentKb = 256 * 1024;
#endif
constexpr rlim_t kAddressSpaceLimit = rlim_t{1} << 30;

const char kKnownFinding[] = "kestra:\n  ee:\n    tenants:\n      defaultTenant: true\n";

struct BoundedRun {
  int exit_code = -1;  // -1: killed by a signal or by the deadline
  bool timed_out = false;
  long max_resident_kb = 0;
  std::string out;
  std::string err;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs the binary with `args`, killed after kSecondsAllowed, its address
// space capped (outside sanitizer builds), optionally as user nobody so
// file permissions apply even when the tests run as root.
BoundedRun RunBounded(const std::vector<std::string>& args, bool as_nobody = false,
                      const std::string& stdin_path = "/dev/null") {
  const TempDir scratch;
  const std::string out_path = scratch.path() + "/out";
  const std::string err_path = scratch.path() + "/err";
  std::vector<std::string> argv_storage = {KESTRA_LINT_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);

  const pid_t child = fork();
  if (child == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    const int null = open(stdin_path.c_str(), O_RDONLY);
    if (out < 0 || err < 0 || null < 0) _exit(126);
    dup2(null, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    if (kLimitAddressSpace) {
      const rlimit limit{kAddressSpaceLimit, kAddressSpaceLimit};
      setrlimit(RLIMIT_AS, &limit);
    }
    if (as_nobody && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(125);
    execv(argv[0], argv.data());
    _exit(127);
  }
  BoundedRun run;
  if (child < 0) return run;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kSecondsAllowed);
  int status = 0;
  rusage usage{};
  while (wait4(child, &status, WNOHANG, &usage) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child, SIGKILL);
      wait4(child, &status, 0, &usage);
      run.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  run.exit_code = !run.timed_out && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.max_resident_kb = usage.ru_maxrss;
  run.out = ReadAll(out_path);
  run.err = ReadAll(err_path);
  return run;
}

// The checks every hostile case shares: finished in time, within memory,
// with exit code 1 (findings), and the known finding of the good file.
void ExpectBoundedWithKnownFinding(const BoundedRun& run, const std::string& good_path) {
  EXPECT_FALSE(run.timed_out) << "did not finish within " << kSecondsAllowed << " s";
  EXPECT_LT(run.max_resident_kb, kMaxResidentKb) << "peak resident memory in KiB";
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find(good_path + ":4:7: error: "), std::string::npos)
      << run.out.substr(0, 2000);
}

class HostileInputTest : public ::testing::Test {
 protected:
  // Writes the hostile file `name` beside good.yml (the known finding) and
  // checks the folder.
  BoundedRun CheckBeside(const std::string& name, const std::string& content) {
    dir_.Write(name, content);
    return Check();
  }
  BoundedRun Check(const std::vector<std::string>& extra = {}) {
    dir_.Write("good/application.yml", kKnownFinding);
    std::vector<std::string> args = {"check", "--no-color"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(dir_.path());
    const BoundedRun run = RunBounded(args);
    ExpectBoundedWithKnownFinding(run, good());
    return run;
  }
  std::string good() const { return dir_.path() + "/good/application.yml"; }
  std::string at(const std::string& name) const { return dir_.path() + "/" + name; }

  TempDir dir_;
};

std::string Repeat(const std::string& unit, size_t count) {
  std::string text;
  text.reserve(unit.size() * count);
  for (size_t i = 0; i < count; ++i) text += unit;
  return text;
}

TEST_F(HostileInputTest, HundredThousandLevelsOfBlockNesting) {
  const BoundedRun run = CheckBeside("deep-block.yml", Repeat("- ", 100000) + "x\n");
  EXPECT_NE(run.out.find("deep-block.yml:1:"), std::string::npos);
  EXPECT_NE(run.out.find("nesting is deeper than the YAML parser allows"), std::string::npos);
}

TEST_F(HostileInputTest, HundredThousandLevelsOfFlowNesting) {
  const BoundedRun run =
      CheckBeside("deep-flow.yml", "a: " + Repeat("[", 100000) + Repeat("]", 100000) + "\n");
  EXPECT_NE(run.out.find("deep-flow.yml:1:"), std::string::npos);
  EXPECT_NE(run.out.find("nesting is deeper than the YAML parser allows"), std::string::npos);
  const BoundedRun maps =
      CheckBeside("deep-map.yml", Repeat("{a: ", 100000) + "1" + Repeat("}", 100000) + "\n");
  EXPECT_NE(maps.out.find("deep-map.yml:1:"), std::string::npos);
}

TEST_F(HostileInputTest, AliasBombIsCutShort) {
  std::string bomb = "a: &a [\"/api/v1/executions\", \"/api/v1/flows\"]\n";
  for (char level = 'b'; level <= 'z'; ++level) {
    const std::string previous(1, static_cast<char>(level - 1));
    bomb += std::string(1, level) + ": &" + level + " [*" + previous + ", *" + previous + ", *" +
            previous + ", *" + previous + "]\n";
  }
  const BoundedRun run = CheckBeside("bomb.yml", bomb);
  EXPECT_NE(run.out.find("(alias bomb?)"), std::string::npos) << run.out.substr(0, 2000);
}

TEST_F(HostileInputTest, SparseTwoGigabyteFileIsNotRead) {
  const std::string path = dir_.Write("huge.yml", "");
  fs::resize_file(path, uint64_t{2} << 30);
  const BoundedRun run = Check();
  EXPECT_NE(run.out.find("huge.yml:1:1: error: the file is 2048.0 MiB, over the 10.0 MiB limit"),
            std::string::npos)
      << run.out;
}

TEST_F(HostileInputTest, BinaryFileWithNul) {
  const BoundedRun run = CheckBeside("binary.yml", std::string("a: 1\nb: \0\x01\x02", 11));
  EXPECT_NE(run.out.find("binary.yml:2:4: error: binary file (NUL byte here); not checked"),
            std::string::npos)
      << run.out;
}

TEST_F(HostileInputTest, InvalidUtf8IsReportedAndTheRestChecked) {
  const BoundedRun run =
      CheckBeside("latin1/application.yml", "name: caf\xE9\n" + std::string(kKnownFinding));
  EXPECT_NE(run.out.find("latin1/application.yml:1:10: error: invalid UTF-8"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("latin1/application.yml:5:7: error: "), std::string::npos) << run.out;
}

TEST_F(HostileInputTest, CrlfLineBreaksKeepPositions) {
  const BoundedRun run = CheckBeside(
      "crlf/application.yml", "kestra:\r\n  ee:\r\n    tenants:\r\n      defaultTenant: true\r\n");
  EXPECT_NE(run.out.find("crlf/application.yml:4:7: error: "), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\r'), std::string::npos) << "source lines are shown without CR";
}

TEST_F(HostileInputTest, Utf8ByteOrderMarkKeepsPositions) {
  const BoundedRun run =
      CheckBeside("bom/application.yml", "\xEF\xBB\xBF" + std::string(kKnownFinding));
  EXPECT_NE(run.out.find("bom/application.yml:4:7: error: "), std::string::npos) << run.out;
}

TEST_F(HostileInputTest, Utf16IsReported) {
  const BoundedRun run = CheckBeside("utf16.yml", std::string("\xFF\xFE"
                                                              "a\0:\0 \0"
                                                              "1\0",
                                                              10));
  EXPECT_NE(run.out.find("utf16.yml:1:1: error: the file is UTF-16 encoded"), std::string::npos)
      << run.out;
}

TEST_F(HostileInputTest, UnreadableFileIsReported) {
  dir_.Write("good/application.yml", kKnownFinding);
  const std::string secret = dir_.Write("secret.yml", "a: 1\n");
  // Permissions only bind a process without root's capabilities: when the
  // tests run as root, the binary runs as user nobody.
  const bool root = geteuid() == 0;
  fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
  for (const std::string& sub : {std::string("good"), std::string("good/application.yml")}) {
    fs::permissions(at(sub), fs::perms::others_read | fs::perms::others_exec,
                    fs::perm_options::add);
  }
  fs::permissions(secret, fs::perms::none);
  const BoundedRun run = RunBounded({"check", "--no-color", dir_.path()}, root);
  if (run.exit_code == 125) GTEST_SKIP() << "cannot switch to user nobody to drop root's rights";
  ExpectBoundedWithKnownFinding(run, good());
  EXPECT_NE(run.out.find("secret.yml:1:1: error: cannot read the file: Permission denied"),
            std::string::npos)
      << run.out << run.err;
}

TEST_F(HostileInputTest, SymlinkLoopsAreNotFollowed) {
  fs::create_directory_symlink(dir_.path(), at("loop"));
  fs::create_directories(at("a"));
  fs::create_directory_symlink("../a", at("a/back"));
  fs::create_symlink("self.yml", at("self.yml"));
  const BoundedRun run = Check();
  EXPECT_NE(run.out.find("self.yml:1:1: error: cannot read the file: Too many levels of symbolic "
                         "links"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("in 2 files"), std::string::npos) << run.out;
}

TEST_F(HostileInputTest, FifoDoesNotBlock) {
  ASSERT_EQ(mkfifo(at("pipe.yml").c_str(), 0644), 0);
  const BoundedRun run = Check();
  EXPECT_NE(run.out.find("pipe.yml:1:1: error: not a regular file (FIFO, socket or device)"),
            std::string::npos)
      << run.out;
}

TEST_F(HostileInputTest, DirectoryNamedLikeAConfigFileIsWalked) {
  dir_.Write("application.yml/inner/application.yml", kKnownFinding);
  const BoundedRun run = Check();
  EXPECT_NE(run.out.find("application.yml/inner/application.yml:4:7: error: "), std::string::npos)
      << run.out;
}

TEST_F(HostileInputTest, MegabyteLines) {
  const std::string long_value(1 << 20, 'x');
  const BoundedRun run = CheckBeside(
      "long/application.yml", "description: " + long_value + "\nurl: \"" + long_value + "\"\n" +
                                  kKnownFinding + "client: " + std::string(1 << 20, 'y') +
                                  " http://kestra:8080/api/v1/flows/ns\n");
  EXPECT_NE(run.out.find("long/application.yml:6:7: error: "), std::string::npos)
      << run.out.substr(0, 2000);
}

// Some 25,000 tenant-less URIs, each in double quotes, joined by `separator`:
// a megabyte.
std::string MegabyteOfQuotedUris(const std::string& separator) {
  std::string list;
  for (int i = 0; list.size() < (1 << 20) - 64; ++i) {
    list += (i == 0 ? "" : separator) + "\"http://kestra:8080/api/v1/flows/n/f" +
            std::to_string(i) + "\"";
  }
  return list;
}

// A megabyte line with some 25,000 findings, as YAML, minified JSON and
// minified JavaScript (issue 12, item 3): each finding is placed from the
// column mark before it, not counted from the line's start, so the run is
// linear (the YAML alone took 89 s, the JSON and the script two minutes
// each). Columns far into the line stay exact.
TEST_F(HostileInputTest, MegabyteLineOfTwentyFiveThousandUris) {
  std::string uris = MegabyteOfQuotedUris(" ");
  uris.erase(std::remove(uris.begin(), uris.end(), '"'), uris.end());
  const std::map<std::string, std::string> files = {
      {"line/application.yml", "kestra:\n  url: \"" + uris + "\"\n"},
      {"line/data.json", "{\"urls\":[" + MegabyteOfQuotedUris(",") + "]}"},
      {"line/app.min.js", "const u=[" + MegabyteOfQuotedUris(",") + "];u.forEach(x=>fetch(x));"},
  };
  for (const auto& [name, text] : files) dir_.Write(name, text);
  const BoundedRun run = Check();
  for (const auto& [name, text] : files) {
    // The last finding shown of the 1,000 a file reports, then the summary.
    const size_t last = text.find("http://kestra:8080/api/v1/flows/n/f999");
    const size_t line_start =
        text.rfind('\n', last) == std::string::npos ? 0 : text.rfind('\n', last) + 1;
    const std::string at = dir_.path() + "/" + name + ":" +
                           std::to_string(std::count(text.begin(), text.begin() + last, '\n') + 1) +
                           ":" + std::to_string(last - line_start + 1) + ": error: ";
    EXPECT_NE(run.out.find(at + "http://kestra:8080/api/v1/flows/n/f999 has no tenant"),
              std::string::npos)
        << at;
  }
  EXPECT_NE(run.out.find("more findings in this file are not shown"), std::string::npos);
}

TEST_F(HostileInputTest, HundredThousandFilesInOneFolder) {
  const fs::path many = fs::path(dir_.path()) / "many";
  fs::create_directories(many);
  for (int i = 0; i < 100000; ++i) {
    std::ofstream(many / ("f" + std::to_string(i) + ".yml")) << "a: " << i << "\n";
  }
  const BoundedRun run = Check();
  EXPECT_NE(run.out.find("in 100001 files"), std::string::npos) << run.out.substr(0, 2000);
}

// Walks over a tree followed an alias inside the node it names until the
// stack overflowed (SIGSEGV in WalkUris, the other files' findings lost).
TEST_F(HostileInputTest, SelfReferencingAliasNextToALongSequence) {
  const BoundedRun run = CheckBeside("self.yml", "a: &a [*a]\nb: [" + Repeat("1, ", 3000) + "1]\n");
  EXPECT_NE(run.out.find("self.yml:1:8: error: this alias refers to a node that holds it"),
            std::string::npos)
      << run.out.substr(0, 2000);
}

// A 14-byte file merging itself peaked at 222 MB; 5,000 of them in one file
// did not finish in 300 s. Work is bounded per file, across its documents.
TEST_F(HostileInputTest, SelfMergingMapsInThousandsOfDocuments) {
  const BoundedRun one = CheckBeside("merge.yml", "a: &a\n  <<: *a\n");
  EXPECT_NE(one.out.find("merge.yml:2:7: error: this alias refers to a node that holds it"),
            std::string::npos)
      << one.out.substr(0, 2000);
  for (int i = 0; i < 16; ++i) {
    dir_.Write("many/" + std::to_string(i) + ".yml",
               Repeat("a: &a\n  <<: *a\n---\n", i == 9 ? 5000 : 1000));
  }
  const BoundedRun many = Check({"-j", "16"});
  EXPECT_NE(many.out.find("many/9.yml:2:7: error: "), std::string::npos);
}

// `yes 'a: 1' | kestra-lint check -` grew until bad_alloc: standard input is
// read up to --max-file-size and no further.
TEST(HostileStdinTest, EndlessStandardInputStopsAtTheSizeCap) {
  const BoundedRun run =
      RunBounded({"check", "--no-color", "--max-file-size", "1000000", "-"}, false, "/dev/zero");
  EXPECT_FALSE(run.timed_out);
  EXPECT_LT(run.max_resident_kb, kMaxResidentKb);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("<stdin>:1:1: error: standard input is over the 1000000 bytes limit"),
            std::string::npos)
      << run.out;
}

// The tool's own inputs take the same bounds as the files it checks, with
// exit 2 and a positioned message instead of an abort (exit 134).
TEST(HostileSettingsTest, AliasBombsInSettingsPacksAndBaselinesAreUsageErrors) {
  std::string bomb = "rules:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'z'; ++level) {
    const std::string previous(1, static_cast<char>(level - 1));
    bomb += "  " + std::string(1, level) + ": &" + level + " [*" + previous + ", *" + previous +
            ", *" + previous + ", *" + previous + "]\n";
  }
  const TempDir dir;
  dir.Write("application.yml", kKnownFinding);
  const std::string pack = dir.Write("pack.yaml", bomb);
  const BoundedRun packed = RunBounded({"check", "--rules", pack, dir.path()});
  EXPECT_FALSE(packed.timed_out);
  EXPECT_EQ(packed.exit_code, 2) << packed.err;
  EXPECT_NE(packed.err.find("kestra-lint: invalid rule pack: " + pack + ":"), std::string::npos)
      << packed.err;
  EXPECT_NE(packed.err.find("(alias bomb?)"), std::string::npos) << packed.err;
  dir.Write(".kestra-lint.yaml", bomb);
  const BoundedRun configured = RunBounded({"check", dir.path()});
  EXPECT_FALSE(configured.timed_out);
  EXPECT_LT(configured.max_resident_kb, kMaxResidentKb);
  EXPECT_EQ(configured.exit_code, 2) << configured.err;
  EXPECT_NE(configured.err.find("kestra-lint: config: " + dir.path() + "/.kestra-lint.yaml:"),
            std::string::npos)
      << configured.err;
  fs::remove(dir.path() + "/.kestra-lint.yaml");
  const std::string baseline = dir.Write(
      "baseline.json", "{\"findings\": " + Repeat("[", 1000000) + Repeat("]", 1000000) + "}");
  const BoundedRun based = RunBounded({"check", "--baseline", baseline, dir.path()});
  EXPECT_EQ(based.exit_code, 2) << based.err;
  EXPECT_NE(based.err.find(baseline + ":1:"), std::string::npos) << based.err;
}

// A repository's settings could read any file: /etc/shadow printed a line,
// /dev/zero read 2 GB, a FIFO hung. Inside the installation, only regular
// files under the cap are read, and a file that is no pack is not quoted.
TEST(HostileSettingsTest, PathsInSettingsAreConfinedAndNeverQuoted) {
  const TempDir dir;
  dir.Write("application.yml", kKnownFinding);
  dir.Write(".kestra-lint.yaml", "rulePacks: [/dev/zero]\n");
  const BoundedRun outside = RunBounded({"check", dir.path()});
  EXPECT_EQ(outside.exit_code, 2) << outside.err;
  EXPECT_NE(outside.err.find(".kestra-lint.yaml:1:13: a rule pack named in .kestra-lint.yaml must "
                             "be inside its folder"),
            std::string::npos)
      << outside.err;
  ASSERT_EQ(mkfifo((dir.path() + "/fifo.yaml").c_str(), 0600), 0);
  dir.Write(".kestra-lint.yaml", "rulePacks: [fifo.yaml]\n");
  const BoundedRun fifo = RunBounded({"check", dir.path()});
  EXPECT_FALSE(fifo.timed_out);
  EXPECT_EQ(fifo.exit_code, 2) << fifo.err;
  EXPECT_NE(fifo.err.find("not a regular file"), std::string::npos) << fifo.err;
  dir.Write("secrets.env", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n");
  dir.Write(".kestra-lint.yaml", "rulePacks: [secrets.env]\nbaseline: secrets.env\n");
  const BoundedRun secret = RunBounded({"check", dir.path()});
  EXPECT_EQ(secret.exit_code, 2) << secret.err;
  EXPECT_NE(secret.err.find("not a rule pack"), std::string::npos) << secret.err;
  EXPECT_EQ(secret.err.find("wJalr"), std::string::npos) << secret.err;
  EXPECT_EQ(secret.err.find("AWS_"), std::string::npos) << secret.err;
}

// Every removed entry of one environment asks what its siblings become: the
// answer is planned once per file, not once per entry.
TEST(HostileFixTest, FiveThousandRemovedEnvironmentEntriesAreFixedInBoundedTime) {
  const TempDir dir;
  dir.Write("docker-compose.yml",
            "services:\n  kestra:\n    image: kestra/kestra-ee:latest\n    environment:\n" +
                Repeat("      - KESTRA_EE_TENANTS_DEFAULT_TENANT=true\n", 5000));
  const BoundedRun run = RunBounded({"fix", "--dry-run", "--tenant", "acme", dir.path()});
  EXPECT_FALSE(run.timed_out) << "did not finish within " << kSecondsAllowed << " s";
  EXPECT_EQ(run.exit_code, 0) << run.err.substr(0, 2000);
  // Left: the fallbackTenant the fix puts in place, a warning of the fixed text.
  EXPECT_NE(run.err.find("would fix 5000 findings in 1 file; 1 left for a person"),
            std::string::npos)
      << run.err.substr(run.err.size() > 2000 ? run.err.size() - 2000 : 0);
}

// A user other than root: fix writes their own file, and refuses one they
// may not write and one they could write but not keep the owner of.
TEST(HostileFixTest, AsAnotherUserOnlyTheirOwnWritableFilesAreReplaced) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to set up files of two users";
  const TempDir dir;
  const std::string text = "kestra:\n  ee:\n    tenants:\n      enabled: true\n    license: x\n";
  const std::string tree = dir.path() + "/tree";
  const std::string own = dir.Write("tree/own/application.yml", text);
  const std::string locked = dir.Write("tree/locked/application.yml", text);
  const std::string shared = dir.Write("tree/shared/application.yml", text);
  for (const std::string& folder :
       {dir.path(), tree, tree + "/own", tree + "/locked", tree + "/shared"}) {
    ASSERT_EQ(chmod(folder.c_str(), 0777), 0);
  }
  ASSERT_EQ(chown(own.c_str(), 65534, 65534), 0);
  ASSERT_EQ(chmod(locked.c_str(), 0644), 0);  // root's, not writable by others
  ASSERT_EQ(chmod(shared.c_str(), 0666), 0);  // root's, writable by anyone
  const BoundedRun run = RunBounded({"fix", tree}, /*as_nobody=*/true);
  if (run.exit_code == 125) GTEST_SKIP() << "cannot switch to user nobody";
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(ReadAll(own), "kestra:\n  ee:\n    license: x\n") << run.err;
  EXPECT_NE(run.err.find("refused: " + locked + ": you may not write it (mode 0644)"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("refused: " + shared + ": it belongs to another user"), std::string::npos)
      << run.err;
  EXPECT_EQ(ReadAll(locked), text);
  EXPECT_EQ(ReadAll(shared), text);
  struct stat status {};
  ASSERT_EQ(stat(own.c_str(), &status), 0);
  EXPECT_EQ(status.st_uid, 65534u);
}

// An application config of about `bytes` bytes: a removed key (a finding
// whose fix reads the file's properties), a tenanted Kestra URI and
// thousands of ordinary settings.
std::string LargeConfig(int seed, size_t bytes) {
  std::string text =
      "kestra:\n  ee:\n    tenants:\n      enabled: true\n  server:\n"
      "    url: http://kestra:8080/api/v1/main/flows/n" +
      std::to_string(seed) + "\nservice" + std::to_string(seed) + ":\n";
  for (int i = 0; text.size() < bytes; ++i) {
    text += "  setting-" + std::to_string(i) + ": value-" + std::to_string(i * seed) + "\n";
  }
  return text;
}

// Memory follows the largest file, not the total: doubling the number of
// 384 KB files from 32 to 64 adds little (when every file's text and records
// stayed until the rules ran, 32 files took 178 MB against 27 MB for one).
// Compared between two many-file runs, so that what a first file costs once
// (the allocator's arenas, the rule set) is on both sides. One job, so that
// the peak does not depend on which files two jobs happen to read together.
TEST(MemoryTest, PeakFollowsTheLargestFileNotTheTotal) {
#ifdef KESTRA_LINT_SANITIZED
  GTEST_SKIP() << "AddressSanitizer keeps freed memory in quarantine";
#endif
  constexpr size_t kFileBytes = 384 * 1024;
  constexpr int kFiles = 32;
  const TempDir some;
  const TempDir twice;
  for (int i = 0; i < 2 * kFiles; ++i) {
    const std::string name = "c" + std::to_string(i) + "/application.yml";
    if (i < kFiles) some.Write(name, LargeConfig(i + 1, kFileBytes));
    twice.Write(name, LargeConfig(i + 1, kFileBytes));
  }
  const BoundedRun fewer = RunBounded({"check", "-j1", some.path()});
  const BoundedRun more = RunBounded({"check", "-j1", twice.path()});
  EXPECT_EQ(fewer.exit_code, 1) << fewer.err;
  EXPECT_EQ(more.exit_code, 1) << more.err;
  EXPECT_NE(more.out.find("64 errors"), std::string::npos) << more.out.substr(0, 2000);
  // What stays of the 32 added files (findings, URI records, facts) must be
  // far less than their texts: a quarter of their size at most.
  const long allowed_kb = fewer.max_resident_kb + kFiles * static_cast<long>(kFileBytes) / 1024 / 4;
  EXPECT_LT(more.max_resident_kb, allowed_kb)
      << kFiles << " files: " << fewer.max_resident_kb << " KiB; " << 2 * kFiles << " files";
}

TEST(ParallelScanTest, SameBytesWithOneJobAndEight) {
  const TempDir dir;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    dir.Write("c" + n + "/application.yml", i % 3 == 0 ? kKnownFinding : "kestra:\n  url: x\n");
    dir.Write("f" + n + ".yml",
              "id: f\nnamespace: n\ntasks:\n  - id: t\n    type: x\n"
              "    uri: http://kestra:8080/api/v1/executions/n/f" +
                  n + "\n");
    dir.Write("b" + n + ".yml", "a: [" + n + "\n");
  }
  for (const char* format : {"text", "json"}) {
    const BoundedRun one = RunBounded({"check", "-j1", "-f", format, dir.path()});
    const BoundedRun eight = RunBounded({"check", "-j8", "-f", format, dir.path()});
    EXPECT_EQ(one.exit_code, 1) << one.err;
    EXPECT_FALSE(one.out.empty());
    EXPECT_EQ(one.out, eight.out) << format;
  }
}

}  // namespace
}  // namespace kestra_lint
