// kestra-lint completion bash|zsh|fish: prints the shell's completion script,
// written from the parser's own definitions (see completion.h).
#include "cli/command.h"
#include "cli/completion.h"

namespace kestra_lint {
namespace {

class CompletionCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    root_ = &app;
    CLI::App* command = app.add_subcommand(
        "completion",
        "Print the shell completion script (bash: source <(kestra-lint completion bash))");
    command->add_option("shell", shell_, "Shell to complete in")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    return command;
  }

  int Run(std::istream&, std::ostream& out, std::ostream&) override {
    out << CompletionWriters().at(shell_)(DescribeCommandLine(*root_));
    return 0;
  }

 private:
  const CLI::App* root_ = nullptr;
  std::string shell_;
};

}  // namespace

std::unique_ptr<Command> MakeCompletionCommand() { return std::make_unique<CompletionCommand>(); }

}  // namespace kestra_lint
