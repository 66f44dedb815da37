// The one place where rule types get their names.
#include "rules/api_route_moved_rule.h"
#include "rules/api_uri_rule.h"
#include "rules/client_base_url_rule.h"
#include "rules/client_tenant_rule.h"
#include "rules/env_vars_prefix_rule.h"
#include "rules/flow_usage_rule.h"
#include "rules/helm_chart0_default_rule.h"
#include "rules/helm_values_key_rule.h"
#include "rules/helm_values_setting_rule.h"
#include "rules/load_problem_rule.h"
#include "rules/property_set_rule.h"
#include "rules/reserved_flow_id_rule.h"
#include "rules/rule.h"
#include "rules/running_version_rule.h"
#include "rules/sql_statements_rule.h"
#include "rules/tenant_id_rule.h"
#include "rules/terraform_provider_rule.h"
#include "rules/webhook_open_urls_rule.h"

namespace kestra_lint {

const std::map<std::string, RuleFactory>& RuleTypes() {
  static const std::map<std::string, RuleFactory> types = {
      {"ApiUriTenant", MakeApiUriRule},
      {"ClientBaseUrl", MakeClientBaseUrlRule},
      {"ClientTenant", MakeClientTenantRule},
      {"EnvVarsPrefix", MakeEnvVarsPrefixRule},
      {"FlowUsage", MakeFlowUsageRule},
      {"HelmChart0Default", MakeHelmChart0DefaultRule},
      {"HelmValuesKey", MakeHelmValuesKeyRule},
      {"HelmValuesSetting", MakeHelmValuesSettingRule},
      {"LoadProblem", MakeLoadProblemRule},
      {"PropertySet", MakePropertySetRule},
      {"TenantIdValue", MakeTenantIdRule},
      {"WebhookOpenUrls", MakeWebhookOpenUrlsRule},
      {"ReservedFlowId", MakeReservedFlowIdRule},
      {"SqlStatements", MakeSqlStatementsRule},
      {"ApiRouteMoved", MakeApiRouteMovedRule},
      {"RunningVersion", MakeRunningVersionRule},
      {"TerraformProviderVersion", MakeTerraformProviderRule},
  };
  return types;
}

}  // namespace kestra_lint
