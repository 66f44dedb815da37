// kestra-lint man-page: prints the kestra-lint(1) man page in roff. Hidden
// from the help: the build runs it to make the installed page.
#include "cli/command.h"
#include "cli/man_page.h"
#include "report/report.h"

namespace kestra_lint {
namespace {

class ManPageCommand : public Command {
 public:
  CLI::App* Add(CLI::App& app) override {
    root_ = &app;
    return app.add_subcommand("man-page", "Print the man page (roff)")->group("");
  }

  int Run(std::istream&, std::ostream& out, std::ostream&) override {
    out << ManPage(DescribeCommandLine(*root_), ToolVersion());
    return 0;
  }

 private:
  const CLI::App* root_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> MakeManPageCommand() { return std::make_unique<ManPageCommand>(); }

}  // namespace kestra_lint
