// Time from a textDocument/didChange of a 1,000-line file to the
// publishDiagnostics of that version, through `kestra-lint lsp` (the real
// binary on pipes, as an editor runs it). Build and run:
//   cmake --build build --target kestra_lint_bench && build/kestra_lint_bench
#include <benchmark/benchmark.h>

#include <string>

#include "lsp_client.h"

namespace kestra_lint::testing {
namespace {

// An application config of `lines` lines: ordinary settings, two removed
// keys, and a URI every tenth line.
std::string ApplicationConfig(int lines) {
  std::string text =
      "kestra:\n  ee:\n    tenants:\n      enabled: true\n      defaultTenant: false\n";
  text += "  server:\n    basic-auth:\n      enabled: false\n  settings:\n";
  for (int i = 9; i < lines; ++i) {
    if (i % 10 == 0) {
      text += "    hook" + std::to_string(i) + ": http://kestra:8080/api/v1/executions/n/f" +
              std::to_string(i) + "\n";
    } else {
      text += "    setting" + std::to_string(i) + ": value-" + std::to_string(i) + "\n";
    }
  }
  return text;
}

// A flow of `lines` lines whose shell script calls the API on every fourth line.
std::string FlowWithScript(int lines) {
  std::string text =
      "id: report\nnamespace: company.team\ntasks:\n  - id: call\n"
      "    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - |\n";
  for (int i = 7; i < lines; ++i) {
    if (i % 4 == 0) {
      text +=
          "        curl -s \"$KESTRA_URL/api/v1/flows/company.team/f" + std::to_string(i) + "\"\n";
    } else {
      text += "        echo \"step " + std::to_string(i) + "\"\n";
    }
  }
  return text;
}

// The worst case the rules know: a Kestra API URI on every line.
std::string UriOnEveryLine(int lines) {
  std::string text = "kestra:\n";
  for (int i = 1; i < lines; ++i) {
    text += "  hook" + std::to_string(i) + ": http://kestra:8080/api/v1/flows/n/f" +
            std::to_string(i) + "\n";
  }
  return text;
}

void DidChangeToDiagnostics(benchmark::State& state, const std::string& uri,
                            const std::string& text) {
  LspClient client(LspClient::Mode::kBinary);
  client.Initialize();
  client.Open(uri, text);
  if (client.Diagnostics(uri, 1).is_null()) {
    state.SkipWithError("no diagnostics for the opened file");
    return;
  }
  const int middle = 500;
  int version = 1;
  for (auto _ : state) {
    ++version;
    // One keystroke in the middle of the file: insert or delete a character.
    const nlohmann::json range = {
        {"start", {{"line", middle}, {"character", 4}}},
        {"end", {{"line", middle}, {"character", version % 2 == 0 ? 4 : 5}}}};
    client.Notify(
        "textDocument/didChange",
        {{"textDocument", {{"uri", uri}, {"version", version}}},
         {"contentChanges", {{{"range", range}, {"text", version % 2 == 0 ? "x" : ""}}}}});
    if (client.Diagnostics(uri, version).is_null()) {
      state.SkipWithError("no diagnostics after a change");
      break;
    }
  }
  client.Shutdown();
}

void BM_ApplicationConfig1000Lines(benchmark::State& state) {
  DidChangeToDiagnostics(state, "file:///bench/application.yml", ApplicationConfig(1000));
}
void BM_FlowWithScript1000Lines(benchmark::State& state) {
  DidChangeToDiagnostics(state, "file:///bench/flows/report.yml", FlowWithScript(1000));
}

void BM_UriOnEveryLine1000Lines(benchmark::State& state) {
  DidChangeToDiagnostics(state, "file:///bench/application-hooks.yml", UriOnEveryLine(1000));
}

BENCHMARK(BM_ApplicationConfig1000Lines)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FlowWithScript1000Lines)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_UriOnEveryLine1000Lines)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace kestra_lint::testing

BENCHMARK_MAIN();
