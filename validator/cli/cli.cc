#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "audit/audit.h"
#include "findings/baseline.h"
#include "base/closest.h"
#include "base/embedded_files.h"
#include "fix/fix_files.h"
#include "pipeline/installation_settings.h"
#include "pipeline/lint_config.h"
#include "lsp/lsp_server.h"
#include "report/report.h"
#include "rules/rule_pack.h"
#include "pipeline/scan.h"

namespace kestra_lint {
namespace {

constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> formats;  // NAME or NAME=FILE, see PlanOutputs
  std::string output;
  std::string edition = "auto";
  std::string tenant;
  std::string target_version;
  std::string fail_on = "error";
  std::vector<std::string> rule_packs;
  std::string stdin_filename = "<stdin>";
  uint64_t max_file_size = kDefaultMaxFileSize;
  int jobs = 0;
  bool no_color = false;
  // Team adoption: config file, suppressions, baselines.
  std::string config;
  std::set<std::string> given;  // options given on the command line (they beat the config)
  bool require_reason = false;
  bool no_inline_suppressions = false;
  std::string baseline;
  std::string write_baseline;
  bool keep_texts_to_fix = false;  // fix: the scan keeps the texts it fixes
};

// What a check or fix run prepared: rules and the scan (with the baseline applied).
struct PreparedRun {
  RuleSet rules;
  ScanResult result;
};

FailOn ParseFailOn(const std::string& text) {
  if (text == "warning") return FailOn::kWarning;
  if (text == "info") return FailOn::kInfo;
  if (text == "never") return FailOn::kNever;
  return FailOn::kError;
}

RuleSet LoadRules(const std::vector<std::string>& extra_packs) {
  RuleSet rules = LoadBuiltinRules();
  for (const std::string& path : extra_packs) LoadRulePackPath(path, rules);
  return rules;
}

// One --format: a formatter and where its output goes ("" is standard output).
struct OutputRequest {
  std::string format;
  std::string path;
};

// Turns the --format values (NAME or NAME=FILE) and --output into one request
// per output; "" or the reason the combination makes no sense. Without
// --format the format is text, or github inside GitHub Actions.
std::string PlanOutputs(const CheckOptions& options, const char* github_actions,
                        std::vector<OutputRequest>& outputs) {
  std::vector<std::string> formats = options.formats;
  if (formats.empty()) {
    formats.push_back(github_actions != nullptr && std::string(github_actions) == "true" ? "github"
                                                                                         : "text");
  }
  size_t to_standard_output = 0;
  std::set<std::string> files;
  for (const std::string& value : formats) {
    const size_t equals = value.find('=');
    OutputRequest request{value.substr(0, equals), ""};
    if (equals != std::string::npos) {
      request.path = value.substr(equals + 1);
      if (request.path.empty()) return "--format " + value + ": no file after '='";
    }
    if (request.path.empty() || request.path == "-") {
      request.path = options.output;
      ++to_standard_output;
    }
    if (!request.path.empty() && request.path != "-" && !files.insert(request.path).second) {
      return "--format: two outputs write to " + request.path;
    }
    outputs.push_back(request);
  }
  if (to_standard_output > 1) {
    return "--format: only one format can go to standard output (or --output); give the others "
           "a file: --format NAME=FILE";
  }
  if (to_standard_output == 0 && !options.output.empty()) {
    return "--output: every --format names its own file, so --output is not used";
  }
  return "";
}

// "checkstyle, compact, ...": every --format name.
std::string FormatNames() {
  std::string names;
  for (const auto& [name, formatter] : Formatters()) names += (names.empty() ? "" : ", ") + name;
  return names;
}

// "" when `value` (NAME or NAME=FILE) names a known format.
std::string CheckFormatValue(const std::string& value) {
  const std::string name = value.substr(0, value.find('='));
  if (Formatters().count(name) != 0) return "";
  return "unknown format '" + name + "' (known: " + FormatNames() + ")";
}

// The help texts that differ between the commands sharing the scan options.
struct ScanOptionHelp {
  const char* paths;
  const char* tenant;
  const char* fail_on;
  bool reads_stdin;  // fix works on files only: no --stdin-filename
};

constexpr ScanOptionHelp kCheckScanHelp = {"Files or directories to check; - reads standard input",
                                           "Tenant id to use in suggestions",
                                           "Lowest severity that makes the exit code 1", true};

// Options that say what to scan and with which settings: shared by check,
// fix and audit.
void AddScanOptions(CLI::App* command, CheckOptions& options, const ScanOptionHelp& help) {
  command->add_option("paths", options.paths, help.paths);
  command->add_option("--edition", options.edition, "Kestra edition; auto looks for evidence")
      ->transform(CLI::IsMember({"auto", "oss", "ee"}, CLI::ignore_case))
      ->capture_default_str();
  command->add_option("--tenant", options.tenant, help.tenant);
  command->add_option("--target-version", options.target_version,
                      "Kestra version you upgrade to, e.g. 0.23 or 1.0 (default: latest known)");
  command->add_option("--fail-on", options.fail_on, help.fail_on)
      ->transform(CLI::IsMember({"error", "warning", "info", "never"}, CLI::ignore_case))
      ->capture_default_str();
  command->add_option("--rules", options.rule_packs, "Extra rule pack file or directory")
      ->check(CLI::ExistingPath);
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

// check's output options: several --format in one run, each to its own file.
void AddOutputOptions(CLI::App* command, CheckOptions& options) {
  command
      ->add_option("--format,-f", options.formats,
                   "Output format: " + FormatNames() +
                       "; repeatable, NAME=FILE writes to FILE (default: text, github when "
                       "GITHUB_ACTIONS=true)")
      ->allow_extra_args(false)
      ->check(CLI::Validator([](std::string& value) { return CheckFormatValue(value); },
                             "FORMAT[=FILE]"));
  command->add_option("--output,-o", options.output,
                      "Write the format that has no =FILE to FILE instead of standard output");
  command->add_flag("--no-color", options.no_color, "No colour (also: NO_COLOR set)");
}

// Runs `write` into the file at `path`, or into `out` when `path` is "" or
// "-"; false (the error written to `err`) when the file cannot be written.
bool WriteTo(const std::string& path, const std::function<void(std::ostream&)>& write,
             std::ostream& out, std::ostream& err) {
  if (path.empty() || path == "-") {
    write(out);
    return true;
  }
  std::ofstream file(path, std::ios::binary);
  if (file) write(file);
  file.close();
  if (!file) {
    err << "kestra-lint: cannot write " << path << "\n";
    return false;
  }
  return true;
}

// The run's own settings from the config file found for the first path (or
// --config), where the command line left them open.
void MergeRunConfig(const LintConfig& config, CheckOptions& options) {
  auto take = [&](const char* option, std::string& slot, const std::string& value) {
    if (!options.given.count(option) && !value.empty()) slot = value;
  };
  take("--fail-on", options.fail_on, config.fail_on);
  take("--baseline", options.baseline, config.baseline);
  if (config.require_reason.value_or(false)) options.require_reason = true;
  options.rule_packs.insert(options.rule_packs.begin(), config.rule_packs.begin(),
                            config.rule_packs.end());
}

// What the command line says about every installation's settings.
SettingOverrides OverridesOf(const CheckOptions& options) {
  SettingOverrides overrides;
  overrides.settings.edition = options.edition;
  overrides.settings.tenant = options.tenant;
  overrides.settings.target_version = options.target_version;
  overrides.given = options.given;
  overrides.require_reason = options.require_reason;
  overrides.inline_suppressions = !options.no_inline_suppressions;
  return overrides;
}

// Config, rules, scan and baseline, shared by check and fix. Returns an exit
// code when the run cannot go on, -1 when it can.
int PrepareRun(CheckOptions& options, std::istream& in, std::ostream& err, PreparedRun& run) {
  ScanOptions scan;
  scan.paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  const std::string config_path =
      options.config.empty() ? FindConfigFile(scan.paths.front()) : options.config;
  const LintConfig run_config = config_path.empty() ? LintConfig{} : LoadConfigFile(config_path);
  MergeRunConfig(run_config, options);
  if (!options.target_version.empty() && !Version::Parse(options.target_version)) {
    err << "kestra-lint: --target-version: '" << options.target_version
        << "' is not a version like 0.23 or 1.0.2\n";
    return kExitUsage;
  }
  run.rules = LoadRules(options.rule_packs);
  CheckConfigRuleIds(run_config, run.rules);
  // Each installation (folder with a .kestra-lint.yaml) follows its own file;
  // --config names one file for all of them.
  scan.installation = [&options, &run, &run_config](const std::string& root) {
    LintConfig config;
    if (!options.config.empty()) {
      config = run_config;
    } else if (!root.empty()) {
      config = LoadConfigFile((std::filesystem::path(root) / kConfigFileName).generic_string());
      CheckConfigRuleIds(config, run.rules);
    }
    return SettingsFor(config, OverridesOf(options));
  };
  scan.stdin_filename = options.stdin_filename;
  for (const std::string& path : scan.paths) {
    if (path == "-") {
      std::ostringstream text;
      text << in.rdbuf();
      scan.stdin_text = text.str();
      break;
    }
  }
  scan.max_file_size = options.max_file_size;
  scan.keep_texts_to_fix = options.keep_texts_to_fix;
  scan.jobs = options.jobs > 0
                  ? options.jobs
                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  run.result = RunScan(scan, run.rules);
  if (!run.result.errors.empty()) {
    for (const std::string& error : run.result.errors) err << "kestra-lint: " << error << "\n";
    return kExitUsage;
  }
  if (!options.baseline.empty()) {
    std::ifstream file(options.baseline, std::ios::binary);
    if (!file) {
      err << "kestra-lint: --baseline: cannot read " << options.baseline << "\n";
      return kExitUsage;
    }
    std::ostringstream text;
    text << file.rdbuf();
    run.result.baseline_path = options.baseline;
    run.result.stale_baseline = ApplyBaseline(ParseBaseline(text.str(), options.baseline),
                                              options.baseline, run.result.findings);
    for (const BaselineEntry& entry : run.result.stale_baseline) {
      err << "kestra-lint: baseline entry no longer occurs (shrink the baseline with "
          << "--write-baseline): " << entry.path << ": " << entry.rule_id
          << (entry.subject.empty() ? "" : " " + entry.subject) << "\n";
    }
  }
  return -1;
}

int WriteBaselineFile(const CheckOptions& options, const ScanResult& result, std::ostream& err) {
  std::ofstream file(options.write_baseline, std::ios::binary);
  if (!file || !(file << BaselineJson(result.findings))) {
    err << "kestra-lint: --write-baseline: cannot write " << options.write_baseline << "\n";
    return kExitUsage;
  }
  return 0;
}

int RunCheck(CheckOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  std::vector<OutputRequest> outputs;
  const std::string problem = PlanOutputs(options, std::getenv("GITHUB_ACTIONS"), outputs);
  if (!problem.empty()) {
    err << "kestra-lint: " << problem << "\n";
    return kExitUsage;
  }
  PreparedRun run;
  const int early = PrepareRun(options, in, err, run);
  if (early >= 0) return early;
  const ScanResult& result = run.result;
  const RuleSet& rules = run.rules;
  if (!options.write_baseline.empty() && WriteBaselineFile(options, result, err) != 0) {
    return kExitUsage;
  }

  const FailOn fail_on = ParseFailOn(options.fail_on);
  Report report{result, rules, fail_on, false, ExitCodeFor(result, fail_on)};
  for (const OutputRequest& output : outputs) {
    const bool to_terminal = (output.path.empty() || output.path == "-") && &out == &std::cout &&
                             isatty(STDOUT_FILENO) != 0;
    report.color = output.format == "text" && !options.no_color &&
                   std::getenv("NO_COLOR") == nullptr && to_terminal;
    const Formatter formatter = Formatters().at(output.format);
    if (!WriteTo(
            output.path, [&](std::ostream& stream) { formatter(report, stream); }, out, err)) {
      return kExitUsage;
    }
  }
  return report.exit_code;
}

struct FixCommandOptions {
  CheckOptions scan;
  bool diff = false;
  bool dry_run = false;
};

int RunFix(FixCommandOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  for (const std::string& path : options.scan.paths) {
    if (path == "-") {
      err << "kestra-lint: fix works on files; it cannot fix standard input\n";
      return kExitUsage;
    }
  }
  PreparedRun run;
  options.scan.keep_texts_to_fix = true;
  const int early = PrepareRun(options.scan, in, err, run);
  if (early >= 0) return early;
  FixFilesOptions fix;
  fix.write = !options.diff && !options.dry_run;
  const FixFilesResult fixed = FixFiles(run.result, fix, out, err);
  err << (fix.write ? "fixed " : "would fix ") << fixed.fixes_applied << " finding"
      << (fixed.fixes_applied == 1 ? "" : "s") << " in " << fixed.files_changed << " file"
      << (fixed.files_changed == 1 ? "" : "s") << "; " << fixed.remaining.size()
      << " left for a person\n";
  const FailOn fail_on = ParseFailOn(options.scan.fail_on);
  bool failing = fixed.refused;
  for (const Finding& finding : fixed.remaining) {
    failing = failing || FailsOn(finding.severity, fail_on);
  }
  return failing ? 1 : 0;
}

// Options of check and fix that the config file can also set.
void AddTeamOptions(CLI::App* command, CheckOptions& options) {
  command->add_option("--config", options.config,
                      "Settings file (default: the nearest .kestra-lint.yaml above the path)");
  command->add_flag("--require-reason", options.require_reason,
                    "A suppression comment without ' -- <reason>' is an error and waives nothing");
  command->add_flag("--no-inline-suppressions", options.no_inline_suppressions,
                    "Ignore every suppression comment (audits)");
  command->add_option("--baseline", options.baseline,
                      "Report only findings whose fingerprint is not in this baseline file");
}

// The options given on the command line, which beat the config file.
void RecordGivenOptions(const CLI::App* command, CheckOptions& options) {
  for (const char* name :
       {"--edition", "--tenant", "--target-version", "--fail-on", "--baseline"}) {
    if (command->count(name) > 0) options.given.insert(name);
  }
}

CLI::App* AddFixCommand(CLI::App& app, FixCommandOptions& options) {
  CLI::App* command = app.add_subcommand(
      "fix", "Apply the fixes whose meaning is certain; list what needs a person");
  AddScanOptions(command, options.scan,
                 {"Files or directories to fix (default .)",
                  "Tenant id to insert into URIs and to use as fallbackTenant",
                  "Lowest severity of a finding left unfixed that makes the exit code 1", false});
  command->add_flag("--diff", options.diff, "Print a unified diff; write nothing");
  command->add_flag("--dry-run", options.dry_run, "Write nothing (prints the diff)");
  AddTeamOptions(command, options.scan);
  return command;
}

// kestra-lint audit: the scan options of check plus where the report goes.
struct AuditOptions {
  CheckOptions scan;
  std::string html;
  std::string json;
  std::string markdown;
};

void AddAuditOptions(CLI::App* command, AuditOptions& options) {
  AddScanOptions(command, options.scan, kCheckScanHelp);
  AddTeamOptions(command, options.scan);
  command->add_option("--html", options.html, "Write the self-contained HTML report to FILE");
  command->add_option("--json", options.json, "Write the report as JSON to FILE");
  command->add_option("--markdown", options.markdown,
                      "Write the report as Markdown (merge-request comments) to FILE");
}

int RunAudit(AuditOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  const std::vector<std::pair<std::string, void (*)(const AuditJson&, std::ostream&)>> outputs = {
      {options.html, WriteAuditHtml},
      {options.json, WriteAuditJson},
      {options.markdown, WriteAuditMarkdown}};
  std::vector<std::string> paths;
  for (const auto& [path, writer] : outputs) {
    if (!path.empty()) paths.push_back(path);
  }
  if (paths.empty()) {
    err << "kestra-lint: audit: give at least one of --html, --json, --markdown FILE\n";
    return kExitUsage;
  }
  if (std::set<std::string>(paths.begin(), paths.end()).size() != paths.size()) {
    err << "kestra-lint: audit: two reports would go to the same file (or both to -)\n";
    return kExitUsage;
  }
  const std::optional<AuditTime> time = AuditTimeFrom(std::getenv("SOURCE_DATE_EPOCH"));
  if (!time) {
    err << "kestra-lint: SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01\n";
    return kExitUsage;
  }
  PreparedRun run;
  const int early = PrepareRun(options.scan, in, err, run);
  if (early >= 0) return early;
  const FailOn fail_on = ParseFailOn(options.scan.fail_on);
  const int exit_code = ExitCodeFor(run.result, fail_on);
  const Report report{run.result, run.rules, fail_on, false, exit_code};
  const AuditJson audit = BuildAudit(report, *time);
  for (const auto& output : outputs) {
    if (output.first.empty()) continue;
    const auto& writer = output.second;
    if (!WriteTo(
            output.first, [&](std::ostream& stream) { writer(audit, stream); }, out, err)) {
      return kExitUsage;
    }
  }
  return exit_code;
}

int RunRules(const std::vector<std::string>& extra_packs, const std::string& format,
             std::ostream& out) {
  const RuleSet rules = LoadRules(extra_packs);
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& rule : rules.rules) {
      const RuleDefinition& d = rule->definition();
      list.push_back({{"id", d.id},
                      {"pack", d.pack},
                      {"type", d.type},
                      {"severity", SeverityName(d.severity)},
                      {"title", d.title},
                      {"since", d.since ? d.since->ToString() : ""},
                      {"edition", EditionName(d.edition)},
                      {"docs", d.docs}});
    }
    out << list.dump(2) << "\n";
    return 0;
  }
  for (const RulePackInfo& pack : rules.packs) {
    out << pack.id << " " << pack.version << " (" << pack.source << "): " << pack.title << "\n";
    for (const auto& rule : rules.rules) {
      const RuleDefinition& d = rule->definition();
      if (d.pack != pack.id) continue;
      std::string id = d.id;
      id.resize(std::max<size_t>(id.size(), 28), ' ');
      std::string severity = SeverityName(d.severity);
      severity.resize(8, ' ');
      out << "  " << id << " " << severity << d.title << "\n";
    }
  }
  return 0;
}

int RunExplain(const std::string& id, const std::vector<std::string>& extra_packs,
               std::ostream& out, std::ostream& err) {
  const RuleSet rules = LoadRules(extra_packs);
  const Rule* rule = rules.Find(id);
  if (rule == nullptr) {
    err << "kestra-lint: unknown rule '" << id << "'";
    const std::string closest = Closest(id, rules.Ids());
    if (!closest.empty()) err << "; did you mean '" << closest << "'?";
    err << " ('kestra-lint rules' lists them)\n";
    return kExitUsage;
  }
  const EmbeddedFile* doc = FindEmbeddedFile("docs/rules/" + id + ".md");
  if (doc != nullptr) {
    out << doc->bytes;
    return 0;
  }
  const RuleDefinition& d = rule->definition();
  out << "# " << d.id << "\n\n"
      << d.title << "\n\nSeverity: " << SeverityName(d.severity) << "\nPack: " << d.pack << "\n";
  if (!d.docs.empty()) out << "Docs: " << d.docs << "\n";
  return 0;
}

std::string VersionText() {
  std::ostringstream text;
  text << "kestra-lint " << ToolVersion() << "\n";
  try {
    for (const RulePackInfo& pack : LoadBuiltinRules().packs) {
      text << "rule pack " << pack.id << " " << pack.version << " sha256:" << pack.sha256 << "\n";
    }
  } catch (const std::exception& error) {
    text << "rule packs: " << error.what() << "\n";
  }
  return text.str();
}

CLI::App* AddLspCommand(CLI::App& app) {
  return app.add_subcommand(
      "lsp", "Run the language server (LSP over standard input and output) for editors");
}

}  // namespace

int RunCli(int argc, const char* const* argv, std::istream& in, std::ostream& out,
           std::ostream& err) {
  CLI::App app{
      "kestra-lint: finds what breaks or silently changes when Kestra is upgraded "
      "(0.23 tenant migration and neighbouring releases)",
      "kestra-lint"};
  app.require_subcommand(0, 1);
  bool show_version = false;
  app.add_flag("--version", show_version, "Print the version and the rule packs' versions");

  CheckOptions check;
  CLI::App* check_command =
      app.add_subcommand("check", "Check files and directories (default .) and report findings");
  AddScanOptions(check_command, check, kCheckScanHelp);
  AddOutputOptions(check_command, check);
  AddTeamOptions(check_command, check);
  check_command->add_option("--write-baseline", check.write_baseline,
                            "Record the current findings in this baseline file");
  FixCommandOptions fix;
  CLI::App* fix_command = AddFixCommand(app, fix);

  AuditOptions audit;
  CLI::App* audit_command = app.add_subcommand(
      "audit", "Check like check, and write an audit report (HTML, JSON, Markdown)");
  AddAuditOptions(audit_command, audit);

  std::vector<std::string> rules_packs;
  std::string rules_format = "text";
  CLI::App* rules_command = app.add_subcommand("rules", "List the rules");
  rules_command->add_option("--rules", rules_packs, "Extra rule pack file or directory")
      ->check(CLI::ExistingPath);
  rules_command->add_option("--format", rules_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));

  std::string explain_id;
  std::vector<std::string> explain_packs;
  CLI::App* explain_command = app.add_subcommand("explain", "Print one rule's documentation");
  explain_command->add_option("rule", explain_id, "Rule id, e.g. removed-default-tenant")
      ->required();
  explain_command->add_option("--rules", explain_packs, "Extra rule pack file or directory")
      ->check(CLI::ExistingPath);

  CLI::App* lsp_command = AddLspCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::ParseError& error) {
    app.exit(error, out, err);
    return kExitUsage;
  }

  try {
    if (show_version) {
      out << VersionText();
      return 0;
    }
    if (*rules_command) return RunRules(rules_packs, rules_format, out);
    if (*explain_command) return RunExplain(explain_id, explain_packs, out, err);
    if (*check_command) {
      RecordGivenOptions(check_command, check);
      return RunCheck(check, in, out, err);
    }
    if (*fix_command) {
      RecordGivenOptions(fix_command, fix.scan);
      return RunFix(fix, in, out, err);
    }
    if (*audit_command) {
      RecordGivenOptions(audit_command, audit.scan);
      return RunAudit(audit, in, out, err);
    }
    if (*lsp_command) return RunLanguageServer();
    out << app.help();
    return kExitUsage;
  } catch (const RulePackError& error) {
    err << "kestra-lint: invalid rule pack: " << error.what() << "\n";
    return kExitUsage;
  } catch (const ConfigError& error) {
    err << "kestra-lint: config: " << error.what() << "\n";
    return kExitUsage;
  } catch (const BaselineError& error) {
    err << "kestra-lint: baseline: " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& error) {
    err << "kestra-lint: internal error: " << error.what() << "\n";
    return kExitInternal;
  }
}

}  // namespace kestra_lint
