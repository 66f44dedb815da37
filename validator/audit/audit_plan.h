// The upgrade plan's section of the audit report: each installation's plan
// as `kestra-lint plan --format json` writes it, under "upgradePlans", and
// its HTML and Markdown renderings, written from that JSON like the rest.
#pragma once

#include <ostream>
#include <vector>

#include "audit/audit.h"
#include "report/upgrade_plan.h"

namespace kestra_lint {

void AddAuditPlans(AuditJson& audit, const std::vector<UpgradePlan>& plans);

// Nothing when the report holds no plan.
void WriteAuditPlansHtml(const AuditJson& audit, std::ostream& out);
void WriteAuditPlansMarkdown(const AuditJson& audit, std::ostream& out);

}  // namespace kestra_lint
