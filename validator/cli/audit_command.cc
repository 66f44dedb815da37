// kestra-lint audit: checks like check and writes an audit report (HTML,
// JSON, Markdown), each to its own file.
#include <cstdlib>
#include <optional>
#include <set>
#include <utility>

#include "audit/audit.h"
#include "audit/audit_plan.h"
#include "cli/command.h"
#include "cli/scan_run.h"

namespace kestra_lint {
namespace {

class AuditCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    command_ = app.add_subcommand(
        "audit", "Check like check, and write an audit report (HTML, JSON, Markdown)");
    AddCheckLikeOptions(command_, options_);
    command_->add_option("--html", html_, "Write the self-contained HTML report to FILE");
    command_->add_option("--json", json_, "Write the report as JSON to FILE");
    command_->add_option("--markdown", markdown_,
                         "Write the report as Markdown (merge-request comments) to FILE");
    return command_;
  }

  int Run(std::istream& in, std::ostream& out, std::ostream& err) override {
    const std::vector<std::pair<std::string, void (*)(const AuditJson&, std::ostream&)>> outputs = {
        {html_, WriteAuditHtml}, {json_, WriteAuditJson}, {markdown_, WriteAuditMarkdown}};
    std::vector<std::string> paths;
    for (const auto& [path, writer] : outputs) {
      if (!path.empty()) paths.push_back(OutputIdentity(path));
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
    options_.hash_files = true;  // the report names what was checked by its SHA-256
    PreparedRun run;
    const int early = PrepareCommandRun(command_, options_, in, err, run);
    if (early >= 0) return early;
    const FailOn fail_on = ParseFailOn(options_.fail_on);
    const int exit_code = ExitCodeFor(run.result, fail_on);
    const Report report{run.result, *run.rules, fail_on, false, exit_code};
    AuditJson audit = BuildAudit(report, *time);
    AddAuditPlans(audit, BuildUpgradePlans(run.result, *run.rules, run.scan.paths));
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

 private:
  CLI::App* command_ = nullptr;
  ScanRunOptions options_;
  std::string html_;
  std::string json_;
  std::string markdown_;
};

}  // namespace

std::unique_ptr<Command> MakeAuditCommand() { return std::make_unique<AuditCommand>(); }

}  // namespace kestra_lint
