#include "extract/kestra_cli_client.h"

#include "base/source_text.h"

namespace kestra_lint {
namespace {

// Commands end at a newline that no backslash continues, or at ; && ||.
std::vector<std::pair<size_t, size_t>> Commands(std::string_view script) {
  std::vector<std::pair<size_t, size_t>> commands;
  size_t begin = 0;
  for (size_t i = 0; i <= script.size(); ++i) {
    const bool end = i == script.size() || script[i] == ';' ||
                     (script[i] == '\n' && (i == 0 || script[i - 1] != '\\')) ||
                     (script[i] == '&' && i + 1 < script.size() && script[i + 1] == '&') ||
                     (script[i] == '|' && i + 1 < script.size() && script[i + 1] == '|');
    if (!end) continue;
    commands.emplace_back(begin, i);
    begin = i + 1;
  }
  return commands;
}

// True when the command's first word (after `./`, a path or `docker exec ... `)
// is the kestra executable.
bool CallsKestra(std::string_view command) {
  size_t at = 0;
  while (at < command.size()) {
    while (at < command.size() && (IsSpaceOrTab(command[at]) || command[at] == '\\' ||
                                   command[at] == '\n' || command[at] == '\r')) {
      ++at;
    }
    size_t end = at;
    while (end < command.size() && !IsSpaceOrTab(command[end]) && command[end] != '\n') ++end;
    std::string_view word = command.substr(at, end - at);
    const size_t slash = word.rfind('/');
    if (slash != std::string_view::npos) word = word.substr(slash + 1);
    if (word == "kestra" || word == "kestra.exe") return true;
    if (word.empty() || word.front() == '-') return false;
    at = end;
  }
  return false;
}

struct OptionValue {
  bool found = false;
  size_t begin = 0;  // offset in the script of the value, quotes excluded
  std::string value;
};

// The value of `--name` in [begin, end): `--name VALUE`, `--name=VALUE`,
// quoted or not.
OptionValue FindOption(std::string_view script, size_t begin, size_t end, std::string_view name) {
  OptionValue option;
  for (size_t at = script.find(name, begin); at != std::string_view::npos && at < end;
       at = script.find(name, at + name.size())) {
    size_t value = at + name.size();
    if (at > 0 && !IsSpaceOrTab(script[at - 1]) && script[at - 1] != '\n') continue;
    if (value < end && script[value] == '=') {
      ++value;
    } else if (value < end && IsSpaceOrTab(script[value])) {
      while (value < end && IsSpaceOrTab(script[value])) ++value;
    } else {
      continue;
    }
    option.found = true;
    if (value < end && (script[value] == '"' || script[value] == '\'')) {
      const char quote = script[value++];
      size_t close = value;
      while (close < end && script[close] != quote) ++close;
      option.begin = value;
      option.value = std::string(script.substr(value, close - value));
    } else {
      size_t stop = value;
      while (stop < end && !IsSpaceOrTab(script[stop]) && script[stop] != '\n') ++stop;
      option.begin = value;
      option.value = std::string(script.substr(value, stop - value));
    }
    return option;
  }
  return option;
}

Span ValueSpanIn(const OptionValue& option, const ValueOffsets& to_file) {
  if (option.value.empty()) {
    const size_t at = to_file(option.begin > 0 ? option.begin - 1 : 0);
    return Span{at, at + 1};
  }
  return Span{to_file(option.begin), to_file(option.begin + option.value.size() - 1) + 1};
}

}  // namespace

void AddKestraCliClients(ScannedFile& file, std::string_view script, const ValueOffsets& to_file,
                         const std::string& origin) {
  if (script.find("kestra") == std::string_view::npos) return;
  for (const auto& [begin, end] : Commands(script)) {
    if (!CallsKestra(script.substr(begin, end - begin))) continue;
    const OptionValue server = FindOption(script, begin, end, "--server");
    const OptionValue tenant = FindOption(script, begin, end, "--tenant");
    if (!server.found && !tenant.found) continue;
    ClientSetting client;
    client.client = "kestra CLI";
    client.origin = origin;
    client.url_key = "--server";
    client.tenant_key = "--tenant";
    if (server.found) {
      client.has_url = true;
      client.url = server.value;
      client.url_span = ValueSpanIn(server, to_file);
    }
    if (tenant.found) {
      client.has_tenant = true;
      client.tenant = tenant.value;
      client.tenant_span = ValueSpanIn(tenant, to_file);
    }
    file.clients.push_back(std::move(client));
  }
}

}  // namespace kestra_lint
