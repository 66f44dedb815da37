// What check, fix and audit share: the options that say what to scan and
// with which settings, the config file found for the run, and the run
// itself (rules, scan, baseline) prepared once before each command's output.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "discover/file_reader.h"
#include "findings/baseline.h"
#include "pipeline/scan.h"
#include "report/report.h"
#include "rules/rule_pack.h"

namespace kestra_lint {

struct ScanRunOptions {
  std::vector<std::string> paths;
  std::vector<std::string> formats;  // check: NAME or NAME=FILE
  std::string output;                // check: --output
  std::string edition = "auto";
  std::string tenant;
  std::string target_version;
  std::string from_version;
  std::string fail_on = "error";
  std::vector<std::string> rule_packs;
  std::string stdin_filename = "<stdin>";
  uint64_t max_file_size = kDefaultMaxFileSize;
  int jobs = 0;
  bool no_color = false;
  std::string color = "auto";  // --color: auto, always or never
  // Team adoption: config file, suppressions, baselines.
  std::string config;
  std::set<std::string> given;  // options given on the command line (they beat the config)
  bool require_reason = false;
  bool no_inline_suppressions = false;
  std::string baseline;
  std::string write_baseline;
  bool keep_texts_to_fix = false;  // fix: the scan keeps the texts it fixes
  bool hash_files = false;         // SARIF and audit name each file's SHA-256
};

// What a check, fix or audit run prepared: rules and the scan (with the
// baseline applied), and what fix needs to scan its fixed texts again.
struct PreparedRun {
  std::shared_ptr<const RuleSet> rules;
  ScanResult result;
  ScanOptions scan;                     // the options `result` was scanned with
  std::vector<BaselineEntry> baseline;  // of --baseline, applied to `result`
};

// The help texts that differ between the commands sharing the scan options.
struct ScanOptionHelp {
  const char* paths;
  const char* tenant;
  const char* fail_on;
  bool reads_stdin;  // false: no --stdin-filename
};

inline constexpr ScanOptionHelp kCheckScanHelp = {
    "Files or directories to check; - reads standard input", "Tenant id to use in suggestions",
    "Lowest severity that makes the exit code 1", true};

FailOn ParseFailOn(const std::string& text);

// Options that say what to scan and with which settings.
void AddScanOptions(CLI::App* command, ScanRunOptions& options, const ScanOptionHelp& help);

// Options that the config file can also set.
void AddTeamOptions(CLI::App* command, ScanRunOptions& options);

// The options given on the command line, which beat the config file.
void RecordGivenOptions(const CLI::App* command, ScanRunOptions& options);

// Config, rules, scan and baseline. Returns an exit code when the run
// cannot go on, -1 when it can.
int PrepareRun(ScanRunOptions& options, std::istream& in, std::ostream& err, PreparedRun& run);

// The options of a command that scans as check does and writes something
// else (audit, plan): check's scan options and the team options.
void AddCheckLikeOptions(CLI::App* command, ScanRunOptions& options);

// RecordGivenOptions, then PrepareRun.
int PrepareCommandRun(const CLI::App* command, ScanRunOptions& options, std::istream& in,
                      std::ostream& err, PreparedRun& run);

// Runs `write` into the file at `path`, or into `out` when `path` is "" or
// "-"; false (the error written to `err`) when the output cannot be written,
// a full standard output included. A file is written beside itself and
// renamed over, so a failed write leaves the old file, never half a new one.
bool WriteTo(const std::string& path, const std::function<void(std::ostream&)>& write,
             std::ostream& out, std::ostream& err);

// What two output paths are compared by: the absolute, normalised path with
// links resolved ("out.json" and "./out.json" are one file); "-" for
// standard output ("" too).
std::string OutputIdentity(const std::string& path);

}  // namespace kestra_lint
