#include "facts/chart_versions.h"

#include <map>
#include <string>

#include "base/embedded_files.h"

namespace kestra_lint {
namespace {

// Rows "chart<TAB>kestra<TAB>commit" after a header; a row that does not
// parse is skipped (chart_versions_test checks that none is).
std::map<Version, Version> ParseTable(std::string_view text) {
  std::map<Version, Version> table;
  size_t at = text.find('\n');
  while (at != std::string_view::npos && at + 1 < text.size()) {
    const size_t begin = at + 1;
    at = text.find('\n', begin);
    const std::string_view row =
        text.substr(begin, (at == std::string_view::npos ? text.size() : at) - begin);
    const size_t tab = row.find('\t');
    const size_t second = row.find('\t', tab == std::string_view::npos ? row.size() : tab + 1);
    if (second == std::string_view::npos) continue;
    const std::optional<Version> chart = Version::Parse(row.substr(0, tab));
    const std::optional<Version> kestra = Version::Parse(row.substr(tab + 1, second - tab - 1));
    if (chart && kestra) table.emplace(*chart, *kestra);
  }
  return table;
}

const std::map<Version, Version>& Table() {
  static const std::map<Version, Version> table = [] {
    const EmbeddedFile* file = FindEmbeddedFile("rules/charts/kestra.tsv");
    return file != nullptr ? ParseTable(file->bytes) : std::map<Version, Version>();
  }();
  return table;
}

}  // namespace

std::optional<Version> KestraVersionOfChart(const Version& chart) {
  const std::map<Version, Version>& table = Table();
  const auto found = table.find(chart);
  if (found == table.end()) return std::nullopt;
  return found->second;
}

std::optional<Version> NewestChartOf(const Version& line) {
  std::optional<Version> newest;
  for (const auto& [chart, kestra] : Table()) {
    if (kestra.major == line.major && kestra.minor == line.minor) newest = chart;
  }
  return newest;
}

}  // namespace kestra_lint
