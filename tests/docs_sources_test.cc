// docs/sources.md has a table of the source kinds; it must list exactly the
// registered kinds, each with its description and the file names a walk picks
// for it, so adding, renaming or changing a kind cannot leave the docs behind.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "external_tool.h"
#include "extract/source_kind.h"

namespace kestra_lint {
namespace {

struct DocumentedKind {
  std::string description;
  std::vector<std::string> file_patterns;
};

std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(row.substr(1));  // after the leading '|'
  while (std::getline(in, cell, '|')) {
    const size_t begin = cell.find_first_not_of(' ');
    const size_t end = cell.find_last_not_of(' ');
    cells.push_back(begin == std::string::npos ? "" : cell.substr(begin, end - begin + 1));
  }
  return cells;
}

// The `code` spans of a cell, in order.
std::vector<std::string> CodeSpans(const std::string& cell) {
  std::vector<std::string> spans;
  for (size_t open = cell.find('`'); open != std::string::npos; open = cell.find('`', open)) {
    const size_t close = cell.find('`', open + 1);
    if (close == std::string::npos) break;
    spans.push_back(cell.substr(open + 1, close - open - 1));
    open = close + 1;
  }
  return spans;
}

// The rows of the table whose header starts `| kind | file | a walk picks |`.
std::map<std::string, DocumentedKind> DocumentedKinds(const std::string& docs) {
  std::map<std::string, DocumentedKind> kinds;
  std::istringstream lines(docs);
  std::string line;
  bool in_table = false;
  while (std::getline(lines, line)) {
    if (line.rfind("| kind | file | a walk picks |", 0) == 0) {
      in_table = true;
    } else if (in_table && line.rfind("|---", 0) != 0) {
      if (line.rfind("|", 0) != 0) break;
      const std::vector<std::string> cells = Cells(line);
      if (cells.size() < 3) {
        ADD_FAILURE() << "short row: " << line;
        continue;
      }
      const std::vector<std::string> name = CodeSpans(cells[0]);
      EXPECT_EQ(name.size(), 1u) << line;
      if (name.empty()) continue;
      EXPECT_EQ(kinds.count(name[0]), 0u) << "documented twice: " << name[0];
      kinds[name[0]] = {cells[1], CodeSpans(cells[2])};
    }
  }
  return kinds;
}

TEST(DocsSourcesTest, TheTableListsEveryRegisteredKindAndNothingElse) {
  const std::string docs = testing::ReadFile(testing::SourceDir() + "/docs/sources.md");
  std::map<std::string, DocumentedKind> documented = DocumentedKinds(docs);
  ASSERT_FALSE(documented.empty()) << "no `| kind | file | a walk picks |` table";
  for (const SourceKind& kind : SourceKinds()) {
    const auto row = documented.find(kind.name);
    if (row == documented.end()) {
      ADD_FAILURE() << "kind `" << kind.name << "` is not in docs/sources.md";
      continue;
    }
    EXPECT_EQ(row->second.description, kind.description) << kind.name;
    EXPECT_EQ(row->second.file_patterns,
              std::vector<std::string>(kind.file_patterns.begin(), kind.file_patterns.end()))
        << kind.name;
    documented.erase(row);
  }
  for (const auto& [name, kind] : documented) {
    ADD_FAILURE() << "docs/sources.md documents `" << name << "`, which is not registered";
  }
}

}  // namespace
}  // namespace kestra_lint
