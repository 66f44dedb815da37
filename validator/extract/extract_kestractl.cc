#include "extract/extract_kestractl.h"

#include "extract/client_setting.h"
#include "extract/yaml_extract.h"

namespace kestra_lint {

void ExtractKestractl(ScannedFile& file, const TextView& view, const YamlDocument& document) {
  ExtractYamlUris(file, view, document, document.root, "", "");
  const uint32_t contexts = document.Resolve(document.Find(document.root, "contexts"));
  if (!document.IsMap(contexts)) return;
  const std::vector<uint32_t>& children = document.at(contexts).children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const std::string& name = document.ScalarValue(children[i]);
    AddYamlClient(file, view, document, children[i + 1], {"host", "tenant"},
                  "kestractl context " + name, "kestractl contexts." + name);
  }
}

}  // namespace kestra_lint
