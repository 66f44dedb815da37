// kestra-lint lsp: runs the language server over standard input and output.
#include "cli/command.h"
#include "lsp/lsp_server.h"

namespace kestra_lint {
namespace {

class LspCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    return app.add_subcommand(
        "lsp", "Run the language server (LSP over standard input and output) for editors");
  }

  int Run(std::istream&, std::ostream&, std::ostream&) override { return RunLanguageServer(); }
};

}  // namespace

std::unique_ptr<Command> MakeLspCommand() { return std::make_unique<LspCommand>(); }

}  // namespace kestra_lint
