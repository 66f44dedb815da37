// The Kestra edition: what a file's evidence shows (an image, an Enterprise
// key), what a rule applies to, and what a scan decides. One type from the
// extractors up, so evidence and decisions compare without translation.
#pragma once

namespace kestra_lint {

// kUnknown: no evidence decided it (for a rule: it applies to both).
enum class Edition { kUnknown, kOss, kEe };

const char* EditionName(Edition edition);  // "unknown", "oss", "ee"

}  // namespace kestra_lint
