#include "base/version.h"

namespace kestra_lint {

std::optional<Version> Version::Parse(std::string_view text) {
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V')) text.remove_prefix(1);
  int parts[3] = {0, 0, 0};
  int count = 0;
  size_t at = 0;
  while (count < 3) {
    if (at >= text.size() || text[at] < '0' || text[at] > '9') return std::nullopt;
    int value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      value = value * 10 + (text[at] - '0');
      if (value > 100000) return std::nullopt;
      ++at;
    }
    parts[count++] = value;
    if (at == text.size()) break;
    if (text[at] != '.') return std::nullopt;
    ++at;
  }
  if (at != text.size() || count < 2) return std::nullopt;
  return Version{parts[0], parts[1], parts[2]};
}

std::optional<Version> Version::ParseImageTag(std::string_view tag) {
  return Parse(tag.substr(0, tag.find('-')));
}

std::string Version::ToString() const {
  std::string text = std::to_string(major) + "." + std::to_string(minor);
  if (patch != 0) text += "." + std::to_string(patch);
  return text;
}

}  // namespace kestra_lint
