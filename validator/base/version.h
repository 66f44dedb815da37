// Kestra versions ("0.23", "0.24.1", "1.0.2") compared numerically.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kestra_lint {

struct Version {
  int major = 0;
  int minor = 0;
  int patch = 0;

  static std::optional<Version> Parse(std::string_view text);
  // The release a container image tag names: "v0.22.3", "0.22.3-full",
  // "1.0-no-plugins" (a suffix after '-' is a variant); nullopt for
  // "latest", "develop" or a template.
  static std::optional<Version> ParseImageTag(std::string_view tag);
  std::string ToString() const;

  friend bool operator<(const Version& a, const Version& b) {
    if (a.major != b.major) return a.major < b.major;
    if (a.minor != b.minor) return a.minor < b.minor;
    return a.patch < b.patch;
  }
  friend bool operator>=(const Version& a, const Version& b) { return !(a < b); }
  friend bool operator==(const Version& a, const Version& b) {
    return a.major == b.major && a.minor == b.minor && a.patch == b.patch;
  }
};

}  // namespace kestra_lint
