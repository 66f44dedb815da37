// The rule-pack loader: any text is either a valid pack or a RulePackError
// with a position; a pack that loads must then run over a file without harm.
#include <cstdint>
#include <string>
#include <string_view>

#include "facts/facts.h"
#include "pipeline/scan.h"
#include "rules/rule_pack.h"

namespace {

const char kSample[] =
    "kestra:\n  ee:\n    tenants:\n      enabled: true\n      defaultTenant: false\n"
    "      fallbackTenant: Bad.Id\n  url: http://kestra:8080/api/v1/executions/x\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kestra_lint::RuleSet rules;
  try {
    kestra_lint::LoadRulePack(text, "fuzz.yaml", rules);
  } catch (const kestra_lint::RulePackError&) {
    return 0;
  }
  std::vector<kestra_lint::ScannedFile> files;
  files.push_back(kestra_lint::ScanText("application.yml", kSample));
  for (const kestra_lint::RequestedEdition edition :
       {kestra_lint::RequestedEdition::kOss, kestra_lint::RequestedEdition::kEe}) {
    kestra_lint::ScanSettings settings;
    settings.edition = edition;
    const kestra_lint::Facts facts = kestra_lint::ComputeFacts(files, settings);
    kestra_lint::ApplyRules(files, facts, rules);
  }
  return 0;
}
