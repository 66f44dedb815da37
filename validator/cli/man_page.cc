#include "cli/man_page.h"

#include <sstream>

namespace kestra_lint {
namespace {

// Text safe in a roff line: a backslash is an escape, '-' is a hyphen unless
// escaped, and a line starting with '.' or '\'' would be a request.
std::string Roff(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '\\') {
      escaped += "\\e";
    } else if (c == '-') {
      escaped += "\\-";
    } else {
      escaped += c;
    }
  }
  if (!escaped.empty() && (escaped[0] == '.' || escaped[0] == '\'')) escaped.insert(0, "\\&");
  return escaped;
}

std::string Usage(const CommandModel& command, const std::string& program) {
  std::string usage = "\\fB" + Roff(program) + "\\fR";
  if (!command.options.empty()) usage += " [\\fIOPTIONS\\fR]";
  if (!command.subcommands.empty()) usage += " [\\fICOMMAND\\fR]";
  for (const OptionModel& positional : command.positionals) {
    const std::string name =
        "\\fI" + Roff(positional.names.front()) + "\\fR" + (positional.repeatable ? "..." : "");
    usage += " " + (positional.required ? name : "[" + name + "]");
  }
  return usage;
}

void WriteOption(const OptionModel& option, std::ostream& out) {
  out << ".TP\n";
  std::string names;
  for (const std::string& name : option.names) {
    names += (names.empty() ? "" : ", ") + std::string("\\fB") + Roff(name) + "\\fR";
  }
  out << names;
  if (option.TakesValue()) out << " \\fI" << Roff(option.value_name) << "\\fR";
  out << "\n" << Roff(option.description);
  if (!option.choices.empty()) {
    std::string choices;
    for (const std::string& choice : option.choices) {
      choices += (choices.empty() ? "" : ", ") + Roff(choice);
    }
    out << " (one of: " << choices << ")";
  }
  if (!option.default_value.empty()) out << "; default: " << Roff(option.default_value);
  if (option.repeatable) out << "; repeatable";
  out << ".\n";
}

void WriteOptions(const CommandModel& command, std::ostream& out) {
  for (const OptionModel& positional : command.positionals) {
    out << ".TP\n\\fI" << Roff(positional.names.front()) << "\\fR\n"
        << Roff(positional.description);
    if (!positional.choices.empty()) {
      std::string choices;
      for (const std::string& choice : positional.choices) {
        choices += (choices.empty() ? "" : ", ") + Roff(choice);
      }
      out << " (one of: " << choices << ")";
    }
    out << ".\n";
  }
  for (const OptionModel& option : command.options) WriteOption(option, out);
}

// "kestra-lint: finds ..." reads "finds ..." after the name.
std::string Summary(const CommandModel& root) {
  const std::string prefix = root.name + ": ";
  return root.description.rfind(prefix, 0) == 0 ? root.description.substr(prefix.size())
                                                : root.description;
}

}  // namespace

std::string ManPage(const CommandModel& root, const std::string& version) {
  std::ostringstream out;
  const std::string program = Roff(root.name);
  out << ".\\\" Written by `" << root.name << " man-page` from its command-line definitions.\n"
      << ".TH " << Roff("KESTRA-LINT") << " 1 \"\" \"" << program << " " << Roff(version)
      << "\" \"User Commands\"\n"
      << ".nh\n.ad l\n"
      << ".SH NAME\n"
      << program << " \\- " << Roff(Summary(root)) << "\n"
      << ".SH SYNOPSIS\n";
  for (const CommandModel& subcommand : root.subcommands) {
    out << Usage(subcommand, root.name + " " + subcommand.name) << "\n.br\n";
  }
  out << "\\fB" << program << "\\fR \\fB\\-\\-version\\fR\n"
      << ".SH DESCRIPTION\n"
      << program << " " << Roff(Summary(root)) << ".\n"
      << "It reads Kestra configuration where deployments keep it (application YAML, "
      << ".properties and .env files, Docker Compose, Helm values, Kubernetes manifests) "
      << "and the API clients that call Kestra, and reports each finding at its file, line "
      << "and column.\n"
      << ".SH OPTIONS\n";
  WriteOptions(root, out);
  out << ".SH COMMANDS\n";
  for (const CommandModel& subcommand : root.subcommands) {
    out << ".SS " << Roff(subcommand.name) << "\n"
        << Usage(subcommand, root.name + " " + subcommand.name) << "\n.PP\n"
        << Roff(subcommand.description) << ".\n";
    WriteOptions(subcommand, out);
  }
  out << ".SH EXIT STATUS\n"
      << ".TP\n0\nNo finding at or above \\fB\\-\\-fail\\-on\\fR.\n"
      << ".TP\n1\nFindings at or above \\fB\\-\\-fail\\-on\\fR (default: error).\n"
      << ".TP\n2\nUsage or configuration error: a bad option, an invalid rule pack, a "
      << "missing path.\n"
      << ".TP\n3\nInternal error.\n"
      << ".SH ENVIRONMENT\n"
      << ".TP\nNO_COLOR\nWhen set, the text output has no colour.\n"
      << ".TP\nGITHUB_ACTIONS\nWhen \\fBtrue\\fR, \\fBcheck\\fR without \\fB\\-\\-format\\fR "
      << "writes GitHub annotations.\n"
      << ".TP\nSOURCE_DATE_EPOCH\nThe date the audit report shows, for reproducible reports.\n"
      << ".SH FILES\n"
      << ".TP\n\\&.kestra\\-lint.yaml\nSettings of the installation in its folder: rules on, "
      << "off or re\\-graded, include and exclude globs, edition, tenant, target version, "
      << "fail\\-on, extra rule packs. The nearest one above a checked path applies.\n"
      << ".SH EXAMPLES\n"
      << ".TP\n\\fB" << program << " check .\\fR\nCheck the current folder.\n"
      << ".TP\n\\fB" << program << " explain removed\\-default\\-tenant\\fR\n"
      << "Print one rule's documentation.\n"
      << ".TP\n\\fBsource <(" << program << " completion bash)\\fR\n"
      << "Tab completion in the current bash.\n"
      << ".SH SEE ALSO\n"
      << "The documentation installed in /usr/share/doc/kestra\\-lint/.\n";
  return out.str();
}

}  // namespace kestra_lint
