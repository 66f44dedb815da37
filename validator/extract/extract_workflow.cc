#include "extract/extract_workflow.h"

#include "extract/client_setting.h"
#include "extract/kestra_cli_client.h"
#include "extract/source_kind.h"
#include "extract/yaml_extract.h"
#include "yaml/scalar_offsets.h"

namespace kestra_lint {
namespace {

bool IsKestraAction(const std::string& uses) { return uses.rfind("kestra-io/", 0) == 0; }

void ExtractSteps(ScannedFile& file, const TextView& view, const YamlDocument& document,
                  const std::string& job, uint32_t steps) {
  if (!document.IsSequence(steps)) return;
  for (uint32_t step : document.at(document.Resolve(steps)).children) {
    const std::string& uses = document.ScalarValue(document.Find(step, "uses"));
    const std::string& name = document.ScalarValue(document.Find(step, "name"));
    const std::string origin = "workflow job " + job + " > step " +
                               (!name.empty()   ? name
                                : !uses.empty() ? uses
                                                : "run");
    if (IsKestraAction(uses)) {
      AddYamlClient(file, view, document, document.Find(step, "with"), {"server", "tenant"},
                    uses.substr(0, uses.find('@')), origin);
    }
    const uint32_t run = document.Resolve(document.Find(step, "run"));
    if (document.IsScalar(run)) {
      const YamlNode& script = document.at(run);
      const ScalarOffsets offsets(view.text(), script);
      AddKestraCliClients(
          file, script.value, [&](size_t i) { return view.ToFile(offsets.SourceOffset(i)); },
          origin);
    }
  }
}

}  // namespace

void ExtractWorkflow(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  ExtractYamlUris(file, view, document, document.root, "", "");
  const uint32_t jobs = document.Resolve(document.Find(document.root, "jobs"));
  if (!document.IsMap(jobs)) return;
  const std::vector<uint32_t>& children = document.at(jobs).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    ExtractSteps(file, view, document, document.ScalarValue(children[i]),
                 document.Find(children[i + 1], "steps"));
  }
}

namespace {

bool IsWorkflowPath(std::string_view path) {
  return path.find(".github/workflows/") != std::string_view::npos && IsYamlName(BaseName(path));
}

bool IsWorkflowDocument(const YamlDocument& document) {
  return HasTopLevelKey(document, "jobs") && HasTopLevelKey(document, "on");
}

}  // namespace

SourceKind WorkflowSourceKind() {
  SourceKind kind;
  kind.name = "github workflow";
  kind.description = "GitHub Actions workflows";
  kind.file_patterns = {"*.yml", "*.yaml"};
  kind.recognised_by_name = IsWorkflowPath;
  kind.recognised_by_content = IsWorkflowDocument;
  kind.extract_document = ExtractWorkflow;
  return kind;
}

}  // namespace kestra_lint
