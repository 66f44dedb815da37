#include "cli/command_line_model.h"

namespace kestra_lint {
namespace {

// CLI11 writes an IsMember check into the type name as "TEXT:{a,b,c}".
std::vector<std::string> ChoicesIn(const std::string& type_name) {
  const size_t open = type_name.find(":{");
  const size_t close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> choices;
  const std::string list = type_name.substr(open + 2, close - open - 2);
  for (size_t start = 0; start <= list.size();) {
    const size_t comma = std::min(list.find(',', start), list.size());
    choices.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return choices;
}

// "TEXT:FORMAT[=FILE]" names its value by its check, "TEXT:{a,b}" and "TEXT"
// by its type.
std::string ValueName(const CLI::Option& option) {
  if (option.get_items_expected_max() == 0) return "";
  const std::string type_name = option.get_type_name();
  const size_t colon = type_name.find(':');
  if (colon == std::string::npos || type_name.compare(colon + 1, 1, "{") == 0) {
    return type_name.substr(0, colon);
  }
  return type_name.substr(colon + 1);
}

OptionModel Describe(const CLI::Option& option) {
  OptionModel model;
  if (option.get_positional() && !option.nonpositional()) {
    model.names.push_back(option.get_name(true));
  }
  for (const std::string& name : option.get_snames()) model.names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) model.names.push_back("--" + name);
  model.value_name = ValueName(option);
  model.choices = ChoicesIn(option.get_type_name());
  const std::string type = option.get_type_name().substr(0, option.get_type_name().find(':'));
  model.numeric = type == "INT" || type == "UINT" || type == "FLOAT" || type == "NUMBER";
  model.description = option.get_description();
  model.default_value = option.get_default_str();
  model.repeatable = option.get_items_expected_max() > 1;
  model.required = option.get_required();
  return model;
}

}  // namespace

CommandModel DescribeCommandLine(const CLI::App& app) {
  CommandModel model{app.get_name(), app.get_description(), {}, {}, {}};
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;
    (option->nonpositional() ? model.options : model.positionals).push_back(Describe(*option));
  }
  const auto visible = [](const CLI::App* subcommand) { return !subcommand->get_group().empty(); };
  for (const CLI::App* subcommand : app.get_subcommands(visible)) {
    model.subcommands.push_back(DescribeCommandLine(*subcommand));
  }
  return model;
}

}  // namespace kestra_lint
