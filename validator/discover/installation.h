// Installations: a folder holding a .kestra-lint.yaml is the root of one
// Kestra installation, whose files follow that config and whose facts stay
// its own. The one place that names the file and walks up to find it, so
// check, fix, audit and the language server agree on every file's root.
#pragma once

#include <string>

namespace kestra_lint {

inline constexpr const char* kConfigFileName = ".kestra-lint.yaml";

// True when the file at `path` is named .kestra-lint.yaml.
bool IsConfigFile(const std::string& path);

// The folder of the nearest .kestra-lint.yaml in the folder of the file at
// `path` or above, relative to the current folder ("." for the current
// folder itself); without one, the nearest git repository root (a folder
// with a .git entry), so that repositories never mix facts; "" when there
// is neither. The file need not exist, and a
// config file makes its own folder a root before it is saved (an editor's
// new buffer).
std::string InstallationRootOf(const std::string& path);

// The nearest .kestra-lint.yaml in `start` (a folder) or in the folder of
// `start` (a file), or above; "" or "-" start at the current folder. Shown
// relative to the current folder when it is inside it, else absolute; ""
// when there is none.
std::string FindConfigFile(const std::string& start);

// The config file of the installation at `root` (a root InstallationRootOf
// gave, not ""), whether or not it exists.
std::string ConfigFileOf(const std::string& root);

// Does the installation at `root` have its .kestra-lint.yaml on disk (a
// repository root need not)?
bool HasConfigFile(const std::string& root);

}  // namespace kestra_lint
