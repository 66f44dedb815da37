#include "cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "embedded_files.h"
#include "report.h"
#include "rule_pack.h"
#include "scan.h"

namespace kestra_lint {
namespace {

constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
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
};

FailOn ParseFailOn(const std::string& text) {
  if (text == "warning") return FailOn::kWarning;
  if (text == "info") return FailOn::kInfo;
  if (text == "never") return FailOn::kNever;
  return FailOn::kError;
}

// Edit distance, for "did you mean".
size_t Distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string Closest(const std::string& wanted, const RuleSet& rules) {
  std::string best;
  size_t best_distance = wanted.size() / 2 + 2;
  for (const auto& rule : rules.rules) {
    const size_t distance = Distance(wanted, rule->id());
    if (distance < best_distance) {
      best_distance = distance;
      best = rule->id();
    }
  }
  return best;
}

RuleSet LoadRules(const std::vector<std::string>& extra_packs) {
  RuleSet rules = LoadBuiltinRules();
  for (const std::string& path : extra_packs) LoadRulePackPath(path, rules);
  return rules;
}

int RunCheck(const CheckOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  if (!options.target_version.empty() && !Version::Parse(options.target_version)) {
    err << "kestra-lint: --target-version: '" << options.target_version
        << "' is not a version like 0.23 or 1.0.2\n";
    return kExitUsage;
  }
  const RuleSet rules = LoadRules(options.rule_packs);
  ScanOptions scan;
  scan.paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
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
  scan.jobs = options.jobs > 0
                  ? options.jobs
                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  scan.settings.edition = options.edition;
  scan.settings.tenant = options.tenant;
  scan.settings.target_version = options.target_version;
  const ScanResult result = RunScan(scan, rules);
  if (!result.errors.empty()) {
    for (const std::string& error : result.errors) err << "kestra-lint: " << error << "\n";
    return kExitUsage;
  }

  const FailOn fail_on = ParseFailOn(options.fail_on);
  Report report{result, rules, fail_on, false, ExitCodeFor(result, fail_on)};
  const Formatter formatter = Formatters().at(options.format);
  if (options.output.empty() || options.output == "-") {
    report.color = options.format == "text" && !options.no_color &&
                   std::getenv("NO_COLOR") == nullptr && &out == &std::cout &&
                   isatty(STDOUT_FILENO) != 0;
    formatter(report, out);
  } else {
    std::ofstream file(options.output, std::ios::binary);
    if (!file) {
      err << "kestra-lint: --output: cannot write " << options.output << "\n";
      return kExitUsage;
    }
    formatter(report, file);
  }
  return report.exit_code;
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
    const std::string closest = Closest(id, rules);
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
  check_command->add_option("paths", check.paths,
                            "Files or directories to check; - reads standard input");
  std::vector<std::string> format_names;
  for (const auto& [name, formatter] : Formatters()) format_names.push_back(name);
  check_command->add_option("--format,-f", check.format, "Output format")
      ->check(CLI::IsMember(format_names))
      ->capture_default_str();
  check_command->add_option("--output,-o", check.output, "Write the report to FILE");
  check_command->add_option("--edition", check.edition, "Kestra edition; auto looks for evidence")
      ->transform(CLI::IsMember({"auto", "oss", "ee"}, CLI::ignore_case))
      ->capture_default_str();
  check_command->add_option("--tenant", check.tenant, "Tenant id to use in suggestions");
  check_command->add_option(
      "--target-version", check.target_version,
      "Kestra version you upgrade to, e.g. 0.23 or 1.0 (default: latest known)");
  check_command
      ->add_option("--fail-on", check.fail_on, "Lowest severity that makes the exit code 1")
      ->transform(CLI::IsMember({"error", "warning", "info", "never"}, CLI::ignore_case))
      ->capture_default_str();
  check_command->add_option("--rules", check.rule_packs, "Extra rule pack file or directory")
      ->check(CLI::ExistingPath);
  check_command
      ->add_option("--stdin-filename", check.stdin_filename,
                   "Name (and so kind) of the file read from -")
      ->capture_default_str();
  check_command
      ->add_option("--max-file-size", check.max_file_size,
                   "Files larger than this many bytes are reported, not parsed")
      ->capture_default_str();
  check_command->add_option("--jobs,-j", check.jobs, "Files read in parallel (default: cores)")
      ->check(CLI::Range(0, 256));
  check_command->add_flag("--no-color", check.no_color, "No colour (also: NO_COLOR set)");

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
    if (*check_command) return RunCheck(check, in, out, err);
    out << app.help();
    return kExitUsage;
  } catch (const RulePackError& error) {
    err << "kestra-lint: invalid rule pack: " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& error) {
    err << "kestra-lint: internal error: " << error.what() << "\n";
    return kExitInternal;
  }
}

}  // namespace kestra_lint
