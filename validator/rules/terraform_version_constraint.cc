#include "rules/terraform_version_constraint.h"

#include <optional>
#include <vector>

namespace kestra_lint {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A version of one to three numeric parts ("0", "0.22", "0.22.1"), and how
// many parts were written: `~>` lets the last written part grow.
struct WrittenVersion {
  Version version;
  int parts = 0;
};

std::optional<WrittenVersion> ParseWritten(std::string_view text) {
  int values[3] = {0, 0, 0};
  int parts = 0;
  size_t at = 0;
  while (parts < 3) {
    const size_t begin = at;
    int value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - begin < 9) {
      value = value * 10 + (text[at] - '0');
      ++at;
    }
    if (at == begin) return std::nullopt;
    values[parts++] = value;
    if (at == text.size()) break;
    if (text[at] != '.') return std::nullopt;
    ++at;
  }
  if (at != text.size()) return std::nullopt;
  return WrittenVersion{Version{values[0], values[1], values[2]}, parts};
}

// The releases admitted so far: from `lowest` (inclusive) up to `below`
// (exclusive; unset: no upper bound). Releases are whole triples, so every
// bound becomes one of these two kinds.
struct Range {
  Version lowest;
  std::optional<Version> below;
};

Version NextPatch(const Version& version) {
  return Version{version.major, version.minor, version.patch + 1};
}

void RaiseLowest(Range& range, const Version& lowest) {
  if (range.lowest < lowest) range.lowest = lowest;
}

void LowerBelow(Range& range, const Version& below) {
  if (!range.below || below < *range.below) range.below = below;
}

// Narrows `range` by one condition; false when it does not parse.
bool Apply(std::string_view condition, Range& range, std::vector<Version>& excluded) {
  condition = Trim(condition);
  std::string_view op;
  for (const std::string_view candidate : {"~>", ">=", "<=", "!=", ">", "<", "="}) {
    if (condition.substr(0, candidate.size()) == candidate) {
      op = candidate;
      break;
    }
  }
  const std::optional<WrittenVersion> written = ParseWritten(Trim(condition.substr(op.size())));
  if (!written) return false;
  const Version& version = written->version;
  if (op.empty() || op == "=") {
    RaiseLowest(range, version);
    LowerBelow(range, NextPatch(version));
  } else if (op == "!=") {
    excluded.push_back(version);
  } else if (op == ">") {
    RaiseLowest(range, NextPatch(version));
  } else if (op == ">=") {
    RaiseLowest(range, version);
  } else if (op == "<") {
    LowerBelow(range, version);
  } else if (op == "<=") {
    LowerBelow(range, NextPatch(version));
  } else {
    // ~> lets only the last written part grow: ~> 0.18.0 is < 0.19.0,
    // ~> 0.22 is < 1.0.0, and ~> 0 is < 1.0.0 as well.
    RaiseLowest(range, version);
    LowerBelow(range, written->parts == 3 ? Version{version.major, version.minor + 1, 0}
                                          : Version{version.major + 1, 0, 0});
  }
  return true;
}

}  // namespace

bool AdmitsOnlyReleasesBefore(std::string_view constraint, const Version& limit) {
  if (Trim(constraint).empty()) return false;
  Range range;
  std::vector<Version> excluded;
  size_t at = 0;
  while (at <= constraint.size()) {
    const size_t comma = std::min(constraint.find(',', at), constraint.size());
    if (!Apply(constraint.substr(at, comma - at), range, excluded)) return false;
    at = comma + 1;
  }
  if (!range.below) return false;
  // An excluded highest release lowers the bound: "<= 0.23.0, != 0.23.0".
  bool lowered = true;
  while (lowered && range.lowest < *range.below) {
    lowered = false;
    for (const Version& version : excluded) {
      if (NextPatch(version) == *range.below) {
        range.below = version;
        lowered = true;
      }
    }
  }
  return range.lowest < *range.below && !(limit < *range.below);
}

}  // namespace kestra_lint
