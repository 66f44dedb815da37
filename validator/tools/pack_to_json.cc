// Build step: turns a rule pack's YAML into the JSON compiled into the
// binary, so a cold start parses JSON instead of running yaml-cpp over every
// built-in pack. Writes {"sha256": <of the YAML bytes>, "pack": <the pack>}.
// Usage: pack_to_json IN.yaml OUT.json
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/sha256.h"
#include "yaml/yaml_json.h"
#include "yaml/yaml_tree.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: pack_to_json IN.yaml OUT.json\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  const kestra_lint::YamlParseResult parsed = kestra_lint::ParseYaml(text.str());
  if (!parsed.problems.empty() || parsed.documents.size() != 1) {
    // The full loader reports the exact problem: tests load every pack with it.
    std::cerr << argv[1] << ": not a single well-formed YAML document\n";
    return 1;
  }
  const kestra_lint::YamlDocument& document = parsed.documents.front();
  const nlohmann::json wrapped = {{"sha256", kestra_lint::Sha256Hex(text.str())},
                                  {"pack", kestra_lint::YamlToJson(document, document.root)}};
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out << wrapped.dump();
  if (!out) {
    std::cerr << argv[2] << ": cannot write\n";
    return 1;
  }
  return 0;
}
