// kestra-lint fix: applies the fixes whose meaning is certain (or prints
// them as a diff) and lists what is left for a person. `fix -` fixes
// standard input onto standard output, as formatters do.
#include <algorithm>
#include <utility>

#include "cli/command.h"
#include "cli/scan_run.h"
#include "fix/fix_files.h"

namespace kestra_lint {
namespace {

class FixCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    command_ = app.add_subcommand(
        "fix", "Apply the fixes whose meaning is certain; list what needs a person");
    AddScanOptions(command_, options_,
                   {"Files or directories to fix (default .); - fixes standard input onto "
                    "standard output",
                    "Tenant id to insert into URIs and to use as fallbackTenant",
                    "Lowest severity of a finding left unfixed that makes the exit code 1", true});
    command_->add_flag("--diff", diff_, "Print a unified diff; write nothing");
    command_->add_flag("--dry-run", dry_run_, "Write nothing (prints the diff)");
    AddTeamOptions(command_, options_);
    return command_;
  }

  int Run(std::istream& in, std::ostream& out, std::ostream& err) override {
    RecordGivenOptions(command_, options_);
    const bool reads_stdin =
        std::find(options_.paths.begin(), options_.paths.end(), "-") != options_.paths.end();
    if (reads_stdin && options_.paths.size() > 1) {
      err << "kestra-lint: fix -: standard input is fixed alone; give - as the only path\n";
      return kExitUsage;
    }
    PreparedRun run;
    options_.keep_texts_to_fix = true;
    const int early = PrepareRun(options_, in, err, run);
    if (early >= 0) return early;
    FixFilesOptions fix;
    fix.write = !diff_ && !dry_run_;
    if (!run.baseline.empty()) {
      fix.after_scan = [&](ScanResult& result) {
        ApplyBaseline(run.baseline, options_.baseline, result.findings);
      };
    }
    const FixFilesResult fixed =
        FixFiles(run.scan, *run.rules, std::move(run.result), fix, out, err);
    err << (fix.write ? "fixed " : "would fix ") << fixed.fixes_applied << " finding"
        << (fixed.fixes_applied == 1 ? "" : "s") << " in " << fixed.files_changed << " file"
        << (fixed.files_changed == 1 ? "" : "s") << "; " << fixed.remaining.size()
        << " left for a person\n";
    const FailOn fail_on = ParseFailOn(options_.fail_on);
    bool failing = fixed.refused;
    for (const Finding& finding : fixed.remaining) {
      failing = failing || FailsOn(finding.severity, fail_on);
    }
    return failing ? 1 : 0;
  }

 private:
  CLI::App* command_ = nullptr;
  ScanRunOptions options_;
  bool diff_ = false;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeFixCommand() { return std::make_unique<FixCommand>(); }

}  // namespace kestra_lint
