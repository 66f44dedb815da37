// Environment variables, wherever they are set (.env files, Compose, Helm
// extraEnv, Kubernetes env lists): KESTRA_* names bind to properties by
// relaxed binding, and JAVA_OPTS / KESTRA_JAVA_OPTS carry -Dkey=value options.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "extract/scanned_file.h"

namespace kestra_lint {

// Maps byte i of a value to its offset in the file.
using ValueOffsets = std::function<size_t(size_t)>;

void AddEnvironmentVariable(ScannedFile& file, std::string_view name, Span name_span,
                            std::string_view value, const ValueOffsets& value_to_file,
                            bool has_value, const std::string& origin);

// Records every -Dkey=value in `options` (a JAVA_OPTS value).
void AddJavaOptions(ScannedFile& file, std::string_view options, const ValueOffsets& to_file,
                    const std::string& origin);

}  // namespace kestra_lint
