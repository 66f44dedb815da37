// The certain fixes for the removed tenant keys kestra.ee.tenants.enabled and
// defaultTenant (kestra-facts §1):
// - no tenant-less data anywhere (no defaultTenant: true, no enabled: false):
//   delete `enabled: true` and `defaultTenant: false`;
// - tenant-less data, Enterprise, --tenant given and no fallbackTenant yet:
//   replace one removed key per mapping (defaultTenant: true first, else
//   enabled: false) with `fallbackTenant: <tenant>` and delete its removed
//   siblings. The migration itself stays with a person.
// A YAML mapping that only removed keys fill is deleted with them, up to the
// outermost mapping that would be left empty.
#pragma once

#include <vector>

#include "extract/scanned_file.h"
#include "facts/facts.h"
#include "findings/finding.h"

namespace kestra_lint {

// The edits for each of `file.properties` (same index), none where the fix
// is not certain. One plan for the whole file: siblings are looked at once.
std::vector<std::vector<TextEdit>> RemovedTenantKeyFixes(const ScannedFile& file,
                                                         const Facts& facts);

}  // namespace kestra_lint
