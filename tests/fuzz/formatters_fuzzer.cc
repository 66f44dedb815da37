// Every output format over findings whose text comes from the input:
// invalid UTF-8, control characters, huge or odd positions. JSON output
// must stay parseable.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "fuzz_support.h"
#include "report/report.h"

using kestra_lint::fuzzing::Require;

namespace {

const kestra_lint::RuleSet& Rules() {
  static const kestra_lint::RuleSet rules = kestra_lint::LoadBuiltinRules();
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider input(data, size);
  kestra_lint::ScanResult result;
  result.facts.edition = input.PickValueInArray(
      {kestra_lint::Edition::kUnknown, kestra_lint::Edition::kOss, kestra_lint::Edition::kEe});
  result.facts.edition_source = kestra_lint::EditionSource::kEvidence;
  result.facts.edition_evidence = input.ConsumeRandomLengthString(64);
  const size_t count = input.ConsumeIntegralInRange<size_t>(0, 8);
  for (size_t i = 0; i < count; ++i) {
    kestra_lint::Finding finding;
    finding.rule_id = input.ConsumeRandomLengthString(32);
    finding.severity =
        input.PickValueInArray({kestra_lint::Severity::kInfo, kestra_lint::Severity::kWarning,
                                kestra_lint::Severity::kError});
    finding.message = input.ConsumeRandomLengthString(128);
    finding.suggestion = input.ConsumeRandomLengthString(128);
    finding.path = input.ConsumeRandomLengthString(64);
    // Positions as the rules make them: 1-based, the end not before the start.
    finding.line = input.ConsumeIntegralInRange<int>(1, 10000000);
    finding.column = input.ConsumeIntegralInRange<int>(1, 100000);
    finding.end_line = finding.line + input.ConsumeIntegralInRange<int>(0, 100);
    finding.end_column = input.ConsumeIntegralInRange<int>(1, 100000);
    if (finding.end_line == finding.line && finding.end_column < finding.column) {
      finding.end_column = finding.column;
    }
    finding.property = input.ConsumeRandomLengthString(64);
    finding.uri = input.ConsumeRandomLengthString(64);
    finding.origin = input.ConsumeRandomLengthString(64);
    finding.source_line = input.ConsumeRandomLengthString(256);
    finding.suppressed = input.ConsumeBool();
    result.findings.push_back(std::move(finding));
    result.files.push_back(
        {input.ConsumeRandomLengthString(64), kestra_lint::FileKind::kOtherYaml, "", "", 0});
  }
  kestra_lint::SortFindings(result.findings);
  kestra_lint::AssignFingerprints(result.findings);
  for (const auto& [name, formatter] : kestra_lint::Formatters()) {
    for (const bool color : {false, true}) {
      kestra_lint::Report report{result, Rules(), kestra_lint::FailOn::kError, color, 0};
      std::ostringstream out;
      formatter(report, out);
      if (name == "json") {
        Require(nlohmann::json::accept(out.str()), "json output parses");
      }
    }
  }
  return 0;
}
