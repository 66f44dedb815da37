#include "cli/scan_run.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "base/disk.h"
#include "base/tool_input.h"
#include "cli/command.h"
#include "discover/file_reader.h"
#include "findings/baseline.h"
#include "pipeline/installation_settings.h"
#include "pipeline/lint_config.h"
#include "pipeline/session.h"

namespace kestra_lint {
namespace {

// The run's own settings from the config file found for the first path (or
// --config), where the command line left them open. Its rulePacks join the
// rules in OpenInstallation.
void MergeRunConfig(const LintConfig& config, ScanRunOptions& options) {
  auto take = [&](const char* option, std::string& slot, const std::string& value) {
    if (!options.given.count(option) && !value.empty()) slot = value;
  };
  take("--fail-on", options.fail_on, config.fail_on);
  take("--baseline", options.baseline, config.baseline);
  if (config.require_reason.value_or(false)) options.require_reason = true;
}

// What the command line says about every installation's settings.
SettingOverrides OverridesOf(const ScanRunOptions& options) {
  SettingOverrides overrides;
  overrides.settings.edition =
      ParseRequestedEdition(options.edition).value_or(RequestedEdition::kAuto);
  overrides.settings.tenant = options.tenant;
  overrides.settings.target_version = Version::Parse(options.target_version);
  overrides.settings.from_version = Version::Parse(options.from_version);
  overrides.given = options.given;
  overrides.require_reason = options.require_reason;
  overrides.inline_suppressions = !options.no_inline_suppressions;
  return overrides;
}

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code error;
  return !a.empty() && !b.empty() && std::filesystem::equivalent(a, b, error);
}

}  // namespace

FailOn ParseFailOn(const std::string& text) {
  if (text == "warning") return FailOn::kWarning;
  if (text == "info") return FailOn::kInfo;
  if (text == "never") return FailOn::kNever;
  return FailOn::kError;
}

void AddScanOptions(CLI::App* command, ScanRunOptions& options, const ScanOptionHelp& help) {
  command->add_option("paths", options.paths, help.paths);
  command->add_option("--edition", options.edition, "Kestra edition; auto looks for evidence")
      ->transform(CLI::IsMember({"auto", "oss", "ee"}, CLI::ignore_case))
      ->capture_default_str();
  command->add_option("--tenant", options.tenant, help.tenant);
  command->add_option("--target-version", options.target_version,
                      "Kestra version you upgrade to, e.g. 0.23 or 1.0 (default: latest known)");
  command->add_option("--from-version", options.from_version,
                      "Kestra version the installation runs now (default: its image tags)");
  command->add_option("--fail-on", options.fail_on, help.fail_on)
      ->transform(CLI::IsMember({"error", "warning", "info", "never"}, CLI::ignore_case))
      ->capture_default_str();
  command
      ->add_option("--rules", options.rule_packs, "Extra rule pack file or directory; repeatable")
      ->allow_extra_args(false)
      ->check(CLI::ExistingPath);
  AddPreviewOption(command, options.rule_packs);
  if (help.reads_stdin) {
    command
        ->add_option("--stdin-filename", options.stdin_filename,
                     "Name (and so kind) of the file read from -")
        ->capture_default_str();
  }
  command
      ->add_option("--max-file-size", options.max_file_size,
                   "Files larger than this many bytes are reported, not parsed")
      ->capture_default_str();
  command->add_option("--jobs,-j", options.jobs, "Files read in parallel (default: cores)")
      ->check(CLI::Range(0, 256));
}

void AddTeamOptions(CLI::App* command, ScanRunOptions& options) {
  command->add_option("--config", options.config,
                      "Settings file (default: the nearest .kestra-lint.yaml above the path)");
  command->add_flag("--require-reason", options.require_reason,
                    "A suppression comment without ' -- <reason>' is an error and waives nothing");
  command->add_flag("--no-inline-suppressions", options.no_inline_suppressions,
                    "Ignore every suppression comment (audits)");
  command->add_option("--baseline", options.baseline,
                      "Report only findings whose fingerprint is not in this baseline file");
}

void RecordGivenOptions(const CLI::App* command, ScanRunOptions& options) {
  for (const char* name :
       {"--edition", "--tenant", "--target-version", "--from-version", "--fail-on", "--baseline"}) {
    if (command->count(name) > 0) options.given.insert(name);
  }
}

int PrepareRun(ScanRunOptions& options, std::istream& in, std::ostream& err, PreparedRun& run) {
  ScanOptions scan;
  scan.paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  const std::string config_path =
      options.config.empty() ? FindConfigFile(scan.paths.front()) : options.config;
  auto run_config = std::make_shared<const LintConfig>(
      config_path.empty() ? LintConfig{} : LoadConfigFile(config_path));
  MergeRunConfig(*run_config, options);
  for (const auto& [option, text] :
       {std::pair<const char*, const std::string&>("--target-version", options.target_version),
        {"--from-version", options.from_version}}) {
    if (text.empty()) continue;
    const std::optional<Version> version = Version::Parse(text);
    if (!version || !IsKnownRelease(*version)) {
      err << "kestra-lint: " << option << ": '" << text
          << "' is not a Kestra release the rule packs know; known: " << KnownReleaseLinesText()
          << " (and their patch releases, e.g. 1.0.3)\n";
      return kExitUsage;
    }
  }
  // The run config's rulePacks and --rules serve every installation.
  InstallationSession session =
      OpenInstallation(*run_config, OverridesOf(options), options.rule_packs, nullptr);
  run.rules = session.rules;
  // Each installation (folder with a .kestra-lint.yaml) follows its own file;
  // --config names one file for all of them.
  scan.installation = [&options, rules = session.rules, run_config,
                       run_settings = session.settings](const std::string& root) {
    if (!options.config.empty()) return run_settings;
    LintConfig config;
    if (HasConfigFile(root)) {
      const std::string path = ConfigFileOf(root);
      if (SameFile(path, run_config->path)) {
        // The run's config, parsed once; its globs start at the root as named here.
        config = *run_config;
        config.folder = root;
      } else {
        config = LoadConfigFile(path);
        CheckConfigRuleIds(config, *rules);
      }
    }
    return SettingsFor(config, OverridesOf(options));
  };
  scan.stdin_filename = options.stdin_filename;
  for (const std::string& path : scan.paths) {
    if (path == "-") {
      scan.stdin_text = ReadStreamUpTo(in, options.max_file_size);
      break;
    }
  }
  scan.max_file_size = options.max_file_size;
  scan.keep_texts_to_fix = options.keep_texts_to_fix;
  scan.hash_files = options.hash_files;
  scan.jobs = options.jobs > 0
                  ? options.jobs
                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  run.result = RunScan(scan, *run.rules);
  run.scan = std::move(scan);
  if (!run.result.errors.empty()) {
    for (const std::string& error : run.result.errors) err << "kestra-lint: " << error << "\n";
    return kExitUsage;
  }
  if (run.result.files.empty()) {
    err << "kestra-lint: nothing to check: no file of a kind kestra-lint reads under";
    for (const std::string& path : run.scan.paths) err << " " << path;
    err << " (after include and exclude)\n";
  }
  if (!options.baseline.empty()) {
    std::string text;
    try {
      text = ReadToolInput(RealDisk(), options.baseline, kMaxBaselineSize, "baseline");
    } catch (const ToolInputError& error) {
      err << "kestra-lint: --baseline: " << options.baseline << ": " << error.what() << "\n";
      return kExitUsage;
    }
    run.result.baseline_path = options.baseline;
    run.baseline = ParseBaseline(text, options.baseline);
    run.result.stale_baseline = ApplyBaseline(run.baseline, options.baseline, run.result.findings);
    for (const BaselineEntry& entry : run.result.stale_baseline) {
      err << "kestra-lint: baseline entry no longer occurs (shrink the baseline with "
          << "--write-baseline): " << entry.path << ": " << entry.rule_id
          << (entry.subject.empty() ? "" : " " + entry.subject) << "\n";
    }
  }
  return -1;
}

void AddCheckLikeOptions(CLI::App* command, ScanRunOptions& options) {
  AddScanOptions(command, options, kCheckScanHelp);
  AddTeamOptions(command, options);
}

int PrepareCommandRun(const CLI::App* command, ScanRunOptions& options, std::istream& in,
                      std::ostream& err, PreparedRun& run) {
  RecordGivenOptions(command, options);
  return PrepareRun(options, in, err, run);
}

bool WriteTo(const std::string& path, const std::function<void(std::ostream&)>& write,
             std::ostream& out, std::ostream& err) {
  if (path.empty() || path == "-") {
    write(out);
    out.flush();
    if (!out) {
      err << "kestra-lint: cannot write to standard output\n";
      return false;
    }
    return true;
  }
  namespace fs = std::filesystem;
  const std::string temporary = path + ".kestra-lint-" + std::to_string(getpid()) + ".tmp";
  std::ofstream file(temporary, std::ios::binary);
  if (file) write(file);
  file.close();
  std::error_code error;
  if (file) fs::rename(temporary, path, error);
  if (!file || error) {
    fs::remove(temporary, error);
    err << "kestra-lint: cannot write " << path << "\n";
    return false;
  }
  return true;
}

std::string OutputIdentity(const std::string& path) {
  if (path.empty() || path == "-") return "-";
  std::error_code error;
  const std::filesystem::path resolved =
      std::filesystem::weakly_canonical(std::filesystem::absolute(path, error), error);
  return error ? path : resolved.lexically_normal().string();
}

}  // namespace kestra_lint
