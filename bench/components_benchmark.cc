// Per-component speed (Google Benchmark): the loader against yaml-cpp's node
// API and its bare event parser, each extractor, the rules and the
// formatters, on inputs shaped like the benchmark corpus.
//   build-bench/components_benchmark [--benchmark_filter=Load]
//   build-bench/components_benchmark --benchmark_filter=Sha256
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>
#include <vector>

#include "base/sha256.h"
#include "extract/api_uri.h"
#include "facts/facts.h"
#include "ignore_events.h"
#include "pipeline/scan.h"
#include "report/report.h"
#include "rules/rule_pack.h"
#include "yaml/fast_yaml.h"
#include "yaml/yaml_tree.h"

namespace kestra_lint {
namespace {

std::string ApplicationConfig(int plugins) {
  std::string text =
      "datasources:\n  postgres:\n    url: jdbc:postgresql://postgres:5432/kestra\n"
      "kestra:\n  ee:\n    tenants:\n      enabled: true\n  url: http://kestra:8080/\n"
      "  plugins:\n    configurations:\n";
  for (int i = 0; i < plugins; ++i) {
    const std::string n = std::to_string(i);
    text += "      - type: io.kestra.plugin.scripts.Script" + n +
            "\n        values:\n          timeout: PT" + n +
            "M\n          description: \"extract transform load report notify sync\"\n";
  }
  return text;
}

std::string Flow(int tasks) {
  std::string text = "id: flow\nnamespace: company.team\ntasks:\n";
  for (int i = 0; i < tasks; ++i) {
    const std::string n = std::to_string(i);
    text += "  - id: call" + n + "\n    type: io.kestra.plugin.core.http.Request\n" +
            "    uri: http://kestra:8080/api/v1/executions/company.team/f" + n + "\n" +
            "  - id: script" + n + "\n    type: io.kestra.plugin.scripts.shell.Script\n" +
            "    script: |\n      echo start\n      curl -s http://prometheus:9090/api/v1/query\n";
  }
  return text;
}

std::string Compose(int variables) {
  std::string text =
      "services:\n  kestra:\n    image: kestra/kestra:latest\n    environment:\n"
      "      KESTRA_CONFIGURATION: |\n        kestra:\n          queue:\n            type: "
      "postgres\n";
  for (int i = 0; i < variables; ++i) {
    text += "          variables" + std::to_string(i) + ":\n            env-vars-prefix: ENV_\n";
  }
  return text;
}

std::string Properties(int keys) {
  std::string text = "kestra.ee.tenants.enabled=true\n";
  for (int i = 0; i < keys; ++i) {
    text += "kestra.plugins.sync.key" + std::to_string(i) + "=extract transform load\n";
  }
  return text;
}

std::string EnvFile(int keys) {
  std::string text = "KESTRA_EE_TENANTS_DEFAULT_TENANT=true\n";
  for (int i = 0; i < keys; ++i) {
    text += "APP_SYNC_" + std::to_string(i) + "=value\nexport JAVA_OPTS=\"-Dkestra.x=1 -Xmx1g\"\n";
  }
  return text;
}

// Loader: yaml-cpp's event parser alone (the floor), our tree with positions
// on top of it, the fast loader that replaces it on the common subset, and
// yaml-cpp's node API (what the loader would cost with YAML::LoadAll, before
// the event API).
void BM_Load_YamlCppEventsOnly(benchmark::State& state) {
  const std::string text = ApplicationConfig(2000);
  for (auto _ : state) {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    bench::IgnoreEvents ignore;
    while (parser.HandleNextDocument(ignore)) {
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Load_YamlCppEventsOnly);

void BM_Load_EventTreeWithPositions(benchmark::State& state) {
  const std::string text = ApplicationConfig(2000);
  for (auto _ : state) benchmark::DoNotOptimize(ParseYamlWithYamlCpp(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Load_EventTreeWithPositions);

void FastLoaderBenchmark(benchmark::State& state, const std::string& text) {
  if (!ParseYamlFast(text)) state.SkipWithError("the input is outside the fast loader's subset");
  for (auto _ : state) benchmark::DoNotOptimize(ParseYaml(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
void BM_Load_FastLoader(benchmark::State& state) {
  FastLoaderBenchmark(state, ApplicationConfig(2000));
}
BENCHMARK(BM_Load_FastLoader);
void BM_Load_FastLoaderFlow(benchmark::State& state) { FastLoaderBenchmark(state, Flow(1000)); }
BENCHMARK(BM_Load_FastLoaderFlow);

void BM_Load_YamlCppNodeApi(benchmark::State& state) {
  const std::string text = ApplicationConfig(2000);
  for (auto _ : state) benchmark::DoNotOptimize(YAML::LoadAll(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Load_YamlCppNodeApi);

// Extractors: the whole extract stage for one file of each kind (the YAML
// kinds include loading).
void ExtractBenchmark(benchmark::State& state, const std::string& name, const std::string& text) {
  for (auto _ : state) benchmark::DoNotOptimize(ScanText(name, text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
void BM_Extract_ApplicationConfig(benchmark::State& state) {
  ExtractBenchmark(state, "application.yml", ApplicationConfig(2000));
}
BENCHMARK(BM_Extract_ApplicationConfig);
void BM_Extract_Flow(benchmark::State& state) {
  ExtractBenchmark(state, "flows/flow.yml", Flow(1000));
}
BENCHMARK(BM_Extract_Flow);
void BM_Extract_Compose(benchmark::State& state) {
  ExtractBenchmark(state, "docker-compose.yml", Compose(3000));
}
BENCHMARK(BM_Extract_Compose);
void BM_Extract_Properties(benchmark::State& state) {
  ExtractBenchmark(state, "application.properties", Properties(5000));
}
BENCHMARK(BM_Extract_Properties);
void BM_Extract_EnvFile(benchmark::State& state) {
  ExtractBenchmark(state, "deploy/.env", EnvFile(3000));
}
BENCHMARK(BM_Extract_EnvFile);

void BM_FindApiUris(benchmark::State& state) {
  const std::string text = Flow(1000);
  for (auto _ : state) benchmark::DoNotOptimize(FindApiUris(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FindApiUris);

// Hashing: every scanned file's bytes (SARIF and audit digests), on a
// file-sized input (1.7 KB, the small-files corpus's mean) and a large one (1 MB).
void BM_Sha256(benchmark::State& state) {
  const std::string text(static_cast<size_t>(state.range(0)), 'k');
  for (auto _ : state) benchmark::DoNotOptimize(Sha256Hex(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Sha256)->Arg(1700)->Arg(1 << 20);

// Rules: facts and every built-in rule over extracted files.
void BM_Rules(benchmark::State& state) {
  const RuleSet rules = LoadBuiltinRules();
  std::vector<ScannedFile> files;
  for (int i = 0; i < 20; ++i) {
    files.push_back(ScanText("c" + std::to_string(i) + "/application.yml", ApplicationConfig(200)));
    files.push_back(ScanText("f" + std::to_string(i) + ".yml", Flow(100)));
  }
  size_t findings = 0;
  for (auto _ : state) {
    const Facts facts = ComputeFacts(files, ScanSettings{});
    findings = ApplyRules(files, facts, rules).size();
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * files.size()));
}
BENCHMARK(BM_Rules);

// Loading the built-in rule packs: most of a cold start on one small file.
void BM_LoadBuiltinRules(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LoadBuiltinRules());
}
BENCHMARK(BM_LoadBuiltinRules);

// Formatters: every format over 2,000 findings.
void BM_Formatters(benchmark::State& state) {
  const RuleSet rules = LoadBuiltinRules();
  std::vector<ScannedFile> files;
  for (int i = 0; i < 20; ++i) {
    files.push_back(ScanText("f" + std::to_string(i) + ".yml", Flow(100)));
  }
  ScanResult result;
  result.facts = ComputeFacts(files, ScanSettings{});
  result.findings = ApplyRules(files, result.facts, rules);
  const auto& formatters = Formatters();
  auto formatter = formatters.begin();
  std::advance(formatter, state.range(0));
  state.SetLabel(formatter->first);
  for (auto _ : state) {
    std::ostringstream out;
    formatter->second(Report{result, rules, FailOn::kError, false, 1}, out);
    benchmark::DoNotOptimize(out.str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * result.findings.size()));
}
BENCHMARK(BM_Formatters)->DenseRange(0, static_cast<int>(Formatters().size()) - 1);

}  // namespace
}  // namespace kestra_lint

BENCHMARK_MAIN();
