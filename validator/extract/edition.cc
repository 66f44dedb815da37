#include "extract/edition.h"

namespace kestra_lint {

const char* EditionName(Edition edition) {
  switch (edition) {
    case Edition::kOss:
      return "oss";
    case Edition::kEe:
      return "ee";
    case Edition::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace kestra_lint
