// Rule type SqlStatements: flow tasks of `types:` whose `withKey:` scalar (the
// SQL) holds more than one statement, counted as the JDBC plugin counts them.
#pragma once

#include <string>

#include "rules/rule.h"

namespace kestra_lint {

// The statements of `sql` as plugin-jdbc's Query counts them: split at a ';'
// followed by a character other than a quote, blank pieces and DuckDB's
// `SET file_search_path` left out. A ';' in a string literal counts too.
int CountSqlStatements(const std::string& sql);

std::unique_ptr<Rule> MakeSqlStatementsRule(RuleDefinition definition);

}  // namespace kestra_lint
