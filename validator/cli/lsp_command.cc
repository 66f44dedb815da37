// kestra-lint lsp: runs the language server over standard input and output.
#include "cli/command.h"
#include "lsp/lsp_server.h"

namespace kestra_lint {
namespace {

class LspCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    CLI::App* command = app.add_subcommand(
        "lsp", "Run the language server (LSP over standard input and output) for editors");
    // Editors' clients often pass --stdio; standard input and output is the only transport.
    command->add_flag("--stdio", stdio_, "Accepted for editors that pass it: always on");
    return command;
  }

  int Run(std::istream&, std::ostream&, std::ostream&) override { return RunLanguageServer(); }

 private:
  bool stdio_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeLspCommand() { return std::make_unique<LspCommand>(); }

}  // namespace kestra_lint
