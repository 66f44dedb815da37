// kestra-lint check: scans and writes the findings in one or more formats,
// each to standard output or its own file; can record a baseline.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>

#include "cli/command.h"
#include "cli/scan_run.h"
#include "findings/baseline.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

// One --format: a formatter and where its output goes ("" is standard output).
struct OutputRequest {
  std::string format;
  std::string path;
};

// Turns the --format values (NAME or NAME=FILE) and --output into one request
// per output; "" or the reason the combination makes no sense. Without
// --format the format is text, or github inside GitHub Actions.
std::string PlanOutputs(const ScanRunOptions& options, const char* github_actions,
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
    if (!request.path.empty() && request.path != "-" &&
        !files.insert(OutputIdentity(request.path)).second) {
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

// check's output options: several --format in one run, each to its own file.
void AddOutputOptions(CLI::App* command, ScanRunOptions& options) {
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
  command->add_flag("--no-color", options.no_color, "No colour: --color=never");
  command
      ->add_option("--color", options.color,
                   "Colour the text format: auto (on a terminal, unless NO_COLOR is set and not "
                   "empty), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

// no-color.org: only a NO_COLOR that is set and not empty turns colour off.
bool UseColor(const ScanRunOptions& options, bool to_terminal) {
  if (options.no_color || options.color == "never") return false;
  if (options.color == "always") return true;
  const char* no_color = std::getenv("NO_COLOR");
  return to_terminal && (no_color == nullptr || *no_color == '\0');
}

int WriteBaselineFile(const ScanRunOptions& options, const ScanResult& result, std::ostream& err) {
  std::ofstream file(options.write_baseline, std::ios::binary);
  if (!file || !(file << BaselineJson(result.findings))) {
    err << "kestra-lint: --write-baseline: cannot write " << options.write_baseline << "\n";
    return kExitUsage;
  }
  return 0;
}

class CheckCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    command_ =
        app.add_subcommand("check", "Check files and directories (default .) and report findings");
    AddScanOptions(command_, options_, kCheckScanHelp);
    AddOutputOptions(command_, options_);
    AddTeamOptions(command_, options_);
    command_->add_option("--write-baseline", options_.write_baseline,
                         "Record the current findings in this baseline file");
    command_->add_flag("--list-files", list_files_,
                       "Print each file the scan reads and its kind, instead of findings");
    return command_;
  }

  int Run(std::istream& in, std::ostream& out, std::ostream& err) override {
    RecordGivenOptions(command_, options_);
    std::vector<OutputRequest> outputs;
    const std::string problem = PlanOutputs(options_, std::getenv("GITHUB_ACTIONS"), outputs);
    if (!problem.empty()) {
      err << "kestra-lint: " << problem << "\n";
      return kExitUsage;
    }
    for (const OutputRequest& output : outputs) {
      options_.hash_files = options_.hash_files || FormatNamesFileHashes(output.format);
    }
    PreparedRun run;
    const int early = PrepareRun(options_, in, err, run);
    if (early >= 0) return early;
    const ScanResult& result = run.result;
    if (list_files_) {
      for (const ScannedFileSummary& file : result.files) {
        out << file.path << "\t" << FileKindName(file.kind) << "\n";
      }
      return 0;
    }
    if (!options_.write_baseline.empty() && WriteBaselineFile(options_, result, err) != 0) {
      return kExitUsage;
    }

    const FailOn fail_on = ParseFailOn(options_.fail_on);
    // The findings just written to the baseline are accepted from now on.
    const int exit_code = options_.write_baseline.empty() ? ExitCodeFor(result, fail_on) : 0;
    Report report{result, *run.rules, fail_on, false, exit_code};
    for (const OutputRequest& output : outputs) {
      const bool to_terminal = (output.path.empty() || output.path == "-") && &out == &std::cout &&
                               isatty(STDOUT_FILENO) != 0;
      report.color = output.format == "text" && UseColor(options_, to_terminal);
      const Formatter formatter = Formatters().at(output.format);
      if (!WriteTo(
              output.path, [&](std::ostream& stream) { formatter(report, stream); }, out, err)) {
        return kExitUsage;
      }
    }
    return report.exit_code;
  }

 private:
  CLI::App* command_ = nullptr;
  ScanRunOptions options_;
  bool list_files_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeCheckCommand() { return std::make_unique<CheckCommand>(); }

}  // namespace kestra_lint
