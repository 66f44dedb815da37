// The floor kestra-lint is measured against: yaml-cpp alone parsing the same
// files, with nothing built from them. Walks the paths like kestra-lint
// (same file names, same skipped folders), reads every file, and hands the
// YAML ones to yaml-cpp's event parser with a handler that does nothing
// (--load: builds yaml-cpp nodes with YAML::LoadAll instead; --tree: builds
// kestra-lint's tree with ParseYaml, the fast loader with yaml-cpp for the
// files outside its subset).
//   parse_floor [--jobs N] [--load | --tree] PATH...
#include <yaml-cpp/yaml.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "discover/discover.h"
#include "ignore_events.h"
#include "yaml/yaml_tree.h"

namespace {

bool IsYaml(const std::string& path) {
  const auto ends = [&](const char* suffix) {
    const size_t n = std::strlen(suffix);
    return path.size() >= n && path.compare(path.size() - n, n, suffix) == 0;
  };
  return ends(".yml") || ends(".yaml");
}

enum class Mode { kEvents, kLoad, kTree };

// Parses one file; returns false when it does not parse.
bool ParseFile(const std::string& path, Mode mode) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!IsYaml(path)) return true;
  if (mode == Mode::kTree) {
    for (const kestra_lint::YamlProblem& problem : kestra_lint::ParseYaml(text.str()).problems) {
      if (problem.kind == kestra_lint::YamlProblem::Kind::kSyntax) return false;
    }
    return true;
  }
  std::istringstream stream(text.str());
  try {
    if (mode == Mode::kLoad) {
      YAML::LoadAll(stream);
    } else {
      YAML::Parser parser(stream);
      kestra_lint::bench::IgnoreEvents ignore;
      while (parser.HandleNextDocument(ignore)) {
      }
    }
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Mode mode = Mode::kEvents;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--jobs" && i + 1 < argc) {
      jobs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--load") {
      mode = Mode::kLoad;
    } else if (arg == "--tree") {
      mode = Mode::kTree;
    } else {
      paths.push_back(arg);
    }
  }
  const kestra_lint::DiscoverResult discovered = kestra_lint::Discover(paths);
  std::atomic<size_t> next{0};
  std::atomic<size_t> rejected{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < jobs; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < discovered.files.size(); i = next++) {
        if (!ParseFile(discovered.files[i].path, mode)) ++rejected;
      }
    });
  }
  for (std::thread& thread : pool) thread.join();
  std::printf("%zu files, %zu rejected\n", discovered.files.size(), rejected.load());
  return 0;
}
