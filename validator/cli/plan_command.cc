// kestra-lint plan: scans like check, then writes the ordered upgrade steps
// from the running version (image tags, --from-version) to the target, each
// with the findings it resolves.
#include "cli/command.h"
#include "cli/scan_run.h"
#include "report/upgrade_plan.h"

namespace kestra_lint {
namespace {

class PlanCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    command_ = app.add_subcommand(
        "plan", "Write the ordered upgrade steps from the running version to the target");
    AddCheckLikeOptions(command_, options_);
    command_->add_option("--format", format_, "text, markdown or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}))
        ->capture_default_str();
    command_->add_option("--output,-o", output_, "Write the plan to FILE");
    return command_;
  }

  int Run(std::istream& in, std::ostream& out, std::ostream& err) override {
    PreparedRun run;
    const int early = PrepareCommandRun(command_, options_, in, err, run);
    if (early >= 0) return early;
    const std::vector<UpgradePlan> plans =
        BuildUpgradePlans(run.result, *run.rules, run.scan.paths);
    const PlanFormatter formatter = PlanFormatters().at(format_);
    if (!WriteTo(
            output_, [&](std::ostream& stream) { formatter(plans, stream); }, out, err)) {
      return kExitUsage;
    }
    return 0;
  }

 private:
  CLI::App* command_ = nullptr;
  ScanRunOptions options_;
  std::string format_ = "text";
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> MakePlanCommand() { return std::make_unique<PlanCommand>(); }

}  // namespace kestra_lint
