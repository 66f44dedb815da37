// Extractors for the two line-based formats: Java .properties files and
// .env files (with or without `export`).
#pragma once

#include "extract/scanned_file.h"

namespace kestra_lint {

void ExtractPropertiesFile(ScannedFile& file);
void ExtractEnvFile(ScannedFile& file);

}  // namespace kestra_lint
