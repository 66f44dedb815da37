#include "audit/audit_plan.h"

namespace kestra_lint {

void AddAuditPlans(AuditJson& audit, const std::vector<UpgradePlan>& plans) {
  AuditJson list = AuditJson::array();
  for (const UpgradePlan& plan : plans) list.push_back(PlanJson(plan));
  audit["upgradePlans"] = std::move(list);
}

}  // namespace kestra_lint
