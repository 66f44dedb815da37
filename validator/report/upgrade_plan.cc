#include "report/upgrade_plan.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <tuple>

#include "facts/chart_versions.h"
#include "rules/rule.h"

namespace kestra_lint {
namespace {

namespace fs = std::filesystem;

fs::path Absolute(const std::string& path) {
  std::error_code error;
  const fs::path absolute = fs::absolute(path, error);
  return (error ? fs::path(path) : absolute).lexically_normal();
}

// A path as the user gave it, unless it names no folder ("." or "../.."):
// then the name of the folder it stands for.
std::string Readable(const std::string& path) {
  const fs::path normal = fs::path(path).lexically_normal();
  const std::string last = normal.filename().string();
  if (!last.empty() && last != "." && last != "..") return path;
  const fs::path absolute = Absolute(path);
  const std::string folder = absolute.parent_path().filename().string();
  const std::string name = absolute.filename().string();
  return !name.empty() ? name : !folder.empty() ? folder : path;
}

// The paths given that the installation at `root` holds; none (it was found
// below them, by its config file): its root. A root that is only the git
// repository around the paths ("../../..") names nothing the user knows.
std::string PlanName(const std::string& root, const std::vector<std::string>& paths) {
  const fs::path absolute_root = Absolute(root.empty() ? "/" : root);
  std::string name;
  for (const std::string& path : paths) {
    if (path == "-") continue;
    const fs::path relative = Absolute(path).lexically_relative(absolute_root);
    if (relative.empty() || *relative.begin() == "..") continue;
    name += (name.empty() ? "" : ", ") + Readable(path);
  }
  return name.empty() ? Readable(root) : name;
}

// The scope a finding belongs to: the one with the longest root holding its path.
size_t ScopeOf(const std::vector<InstallationScope>& scopes, const std::string& path) {
  size_t best = 0;
  bool found = false;
  for (size_t i = 0; i < scopes.size(); ++i) {
    const std::string& root = scopes[i].root;
    const bool holds = root.empty() || path == root ||
                       (path.rfind(root, 0) == 0 && path.size() > root.size() &&
                        (path[root.size()] == '/' || root.back() == '/'));
    if (holds && (!found || root.size() > scopes[best].root.size())) {
      best = i;
      found = true;
    }
  }
  return best;
}

bool InRange(const std::optional<Version>& since, const UpgradePlan& plan) {
  return !since || InUpgradeRange(*since, plan.facts);
}

// Findings about a release the installation already runs are not part of
// its upgrade, but for settings Kestra already ignores: removing them is.
bool Relevant(const Finding& finding, const RuleSet& rules, const UpgradePlan& plan) {
  if (finding.suppressed) return false;
  const Rule* rule = rules.Find(finding.rule_id);
  return rule == nullptr || InRange(rule->definition().since, plan) ||
         rule->AlreadyIgnored(plan.facts);
}

std::string OnlyFor(Edition step, Edition known) {
  if (step == Edition::kUnknown || known != Edition::kUnknown) return "";
  return step == Edition::kEe ? "Enterprise" : "open-source";
}

UpgradePlan BuildPlan(const InstallationScope& scope, const std::vector<const Finding*>& findings,
                      const RuleSet& rules) {
  UpgradePlan plan;
  plan.root = scope.root;
  plan.facts = scope.facts;
  std::vector<const Finding*> relevant;
  for (const Finding* finding : findings) {
    if (Relevant(*finding, rules, plan)) relevant.push_back(finding);
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < rules.upgrade_steps.size(); ++i) {
    const UpgradeStep& step = rules.upgrade_steps[i];
    if (!InRange(step.since, plan)) continue;
    if (step.edition != Edition::kUnknown && plan.facts.edition != Edition::kUnknown &&
        step.edition != plan.facts.edition) {
      continue;
    }
    order.push_back(i);
  }
  // By phase, then by release (steps of every upgrade first, the one that
  // collects the remaining findings last), then as the packs list them.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const UpgradeStep& x = rules.upgrade_steps[a];
    const UpgradeStep& y = rules.upgrade_steps[b];
    const Version none;
    return std::make_tuple(x.phase, x.remaining_findings, x.since.value_or(none)) <
           std::make_tuple(y.phase, y.remaining_findings, y.since.value_or(none));
  });
  const std::optional<Version> chart = NewestChartOf(plan.facts.target);
  const Substitutions values = {
      {"target", plan.facts.target.ToString()},
      {"chart",
       chart ? chart->ToString() : "<chart of Kestra " + plan.facts.target.ToString() + ">"}};
  std::set<const Finding*> resolved;
  for (size_t index : order) {
    const UpgradeStep& step = rules.upgrade_steps[index];
    PlanStep planned{
        step, RenderTemplate(step.title, values), OnlyFor(step.edition, plan.facts.edition), {}};
    for (std::string& command : planned.step.commands) command = RenderTemplate(command, values);
    for (const Finding* finding : relevant) {
      if (std::find(step.resolves.begin(), step.resolves.end(), finding->rule_id) !=
          step.resolves.end()) {
        planned.findings.push_back(finding);
        resolved.insert(finding);
      }
    }
    if (step.only_with_findings && planned.findings.empty()) continue;
    plan.steps.push_back(std::move(planned));
  }
  std::set<std::string> replaced;
  for (const PlanStep& step : plan.steps) {
    replaced.insert(step.step.replaces.begin(), step.step.replaces.end());
  }
  for (auto step = plan.steps.begin(); step != plan.steps.end();) {
    if (replaced.count(step->step.id) != 0) {
      step = plan.steps.erase(step);
      continue;
    }
    if (step->step.remaining_findings) {
      for (const Finding* finding : relevant) {
        if (resolved.count(finding) == 0) step->findings.push_back(finding);
      }
      if (step->findings.empty()) {
        step = plan.steps.erase(step);
        continue;
      }
    }
    ++step;
  }
  return plan;
}

}  // namespace

std::vector<UpgradePlan> BuildUpgradePlans(const ScanResult& result, const RuleSet& rules,
                                           const std::vector<std::string>& paths) {
  std::vector<InstallationScope> scopes = result.scopes;
  if (scopes.empty()) scopes.push_back({"", result.facts});
  std::vector<std::vector<const Finding*>> findings(scopes.size());
  for (const Finding& finding : result.findings) {
    findings[ScopeOf(scopes, finding.path)].push_back(&finding);
  }
  std::vector<UpgradePlan> plans;
  for (size_t i = 0; i < scopes.size(); ++i) {
    plans.push_back(BuildPlan(scopes[i], findings[i], rules));
    plans.back().name = PlanName(scopes[i].root, paths);
  }
  return plans;
}

const std::map<std::string, PlanFormatter>& PlanFormatters() {
  static const std::map<std::string, PlanFormatter> formatters = {
      {"json", WritePlanJson}, {"markdown", WritePlanMarkdown}, {"text", WritePlanText}};
  return formatters;
}

}  // namespace kestra_lint
