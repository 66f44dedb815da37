#include "rules/api_route_moved_rule.h"

#include <algorithm>
#include <utility>

namespace kestra_lint {
namespace {

constexpr std::string_view kApiPrefix = "/api/v1/";

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = std::min(path.find('/', start), path.size());
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

class ApiRouteMovedRule : public Rule {
 public:
  explicit ApiRouteMovedRule(RuleDefinition definition) : Rule(std::move(definition)) {
    const nlohmann::json& entry = this->definition().entry;
    resource_ = entry.value("resource", "");
    moved_under_ = entry.value("movedUnder", "");
    for (const auto& subpath : entry.value("subpaths", nlohmann::json::array())) {
      subpaths_.push_back(subpath.get<std::string>());
    }
    if (resource_.empty() || moved_under_.empty() || subpaths_.empty()) {
      throw std::invalid_argument("ApiRouteMoved needs `resource`, `subpaths` and `movedUnder`");
    }
  }

  void Check(const ScannedFile& file, const Facts& facts,
             std::vector<Finding>& out) const override {
    for (const UriRecord& uri : file.uris) {
      if (uri.kestra_context == false) continue;
      const size_t api = uri.text.find(kApiPrefix);
      if (api == std::string::npos) continue;
      const size_t path_start = api + kApiPrefix.size();
      const size_t path_end = std::min(uri.text.find_first_of("?#", path_start), uri.text.size());
      const std::vector<std::string> segments =
          Segments(uri.text.substr(path_start, path_end - path_start));
      for (size_t i = 0; i + 2 < segments.size(); ++i) {
        if (segments[i] != resource_ || segments[i + 1].empty() ||
            std::find(subpaths_.begin(), subpaths_.end(), segments[i + 2]) == subpaths_.end()) {
          continue;
        }
        const std::string route = resource_ + "/" + segments[i + 1] + "/" + segments[i + 2];
        const std::string moved =
            resource_ + "/" + segments[i + 1] + "/" + moved_under_ + "/" + segments[i + 2];
        Finding finding = MakeFinding(
            file, uri.span, facts,
            {{"uri", uri.text}, {"route", route}, {"moved", moved}, {"action", segments[i + 2]}},
            &segments[i + 2]);
        finding.property = segments[i + 2];
        finding.origin = uri.origin;
        out.push_back(std::move(finding));
        break;
      }
    }
  }

 private:
  std::string resource_;
  std::string moved_under_;
  std::vector<std::string> subpaths_;
};

}  // namespace

std::unique_ptr<Rule> MakeApiRouteMovedRule(RuleDefinition definition) {
  return std::make_unique<ApiRouteMovedRule>(std::move(definition));
}

}  // namespace kestra_lint
