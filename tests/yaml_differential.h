// The differential check of the fast YAML loader (fast_yaml.h) against
// yaml-cpp: the first place where two load results differ, described for a
// failing test or a fuzz crash; empty when they are equal node for node.
#pragma once

#include <sstream>
#include <string>

#include "yaml/yaml_tree.h"

namespace kestra_lint::testing {

inline std::string FirstDifference(const YamlParseResult& fast, const YamlParseResult& yaml_cpp) {
  std::ostringstream out;
  if (fast.documents.size() != yaml_cpp.documents.size()) {
    out << "documents: " << fast.documents.size() << " vs " << yaml_cpp.documents.size();
    return out.str();
  }
  for (size_t d = 0; d < fast.documents.size(); ++d) {
    const YamlDocument& a = fast.documents[d];
    const YamlDocument& b = yaml_cpp.documents[d];
    if (a.root != b.root || a.nodes.size() != b.nodes.size()) {
      out << "document " << d << ": root " << a.root << " vs " << b.root << ", nodes "
          << a.nodes.size() << " vs " << b.nodes.size();
      return out.str();
    }
    for (size_t n = 0; n < a.nodes.size(); ++n) {
      const YamlNode& x = a.nodes[n];
      const YamlNode& y = b.nodes[n];
      if (x.kind != y.kind || x.style != y.style || x.flow != y.flow || x.offset != y.offset ||
          x.target != y.target || x.value != y.value || x.children != y.children) {
        out << "document " << d << " node " << n << ": kind " << int(x.kind) << " vs "
            << int(y.kind) << ", style " << int(x.style) << " vs " << int(y.style) << ", flow "
            << x.flow << " vs " << y.flow << ", offset " << x.offset << " vs " << y.offset
            << ", children " << x.children.size() << " vs " << y.children.size() << ", value \""
            << x.value << "\" vs \"" << y.value << "\"";
        return out.str();
      }
    }
  }
  if (fast.problems.size() != yaml_cpp.problems.size()) {
    out << "problems: " << fast.problems.size() << " vs " << yaml_cpp.problems.size();
    return out.str();
  }
  for (size_t p = 0; p < fast.problems.size(); ++p) {
    const YamlProblem& x = fast.problems[p];
    const YamlProblem& y = yaml_cpp.problems[p];
    if (x.kind != y.kind || x.message != y.message || x.offset != y.offset ||
        x.first_offset != y.first_offset || x.key != y.key) {
      out << "problem " << p << ": \"" << x.message << "\" at " << x.offset << " (key \"" << x.key
          << "\") vs \"" << y.message << "\" at " << y.offset << " (key \"" << y.key << "\")";
      return out.str();
    }
  }
  return "";
}

}  // namespace kestra_lint::testing
