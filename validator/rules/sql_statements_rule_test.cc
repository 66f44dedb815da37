#include "rules/sql_statements_rule.h"

#include "rule_test_support.h"

namespace kestra_lint {
namespace {

// As plugin-jdbc counts: split at ";[^']", blank pieces left out.
TEST(SqlStatementsRuleTest, CountsStatementsAsTheJdbcPluginDoes) {
  EXPECT_EQ(CountSqlStatements("SELECT 1"), 1);
  EXPECT_EQ(CountSqlStatements("SELECT 1;"), 1);
  EXPECT_EQ(CountSqlStatements("SELECT 1;\n\n"), 1);
  EXPECT_EQ(CountSqlStatements("DELETE FROM a;\nSELECT 1;\n"), 2);
  EXPECT_EQ(CountSqlStatements("SELECT 1;SELECT 2"), 2);
  EXPECT_EQ(CountSqlStatements("SET file_search_path = 'x';\nSELECT 1"), 1);
  EXPECT_EQ(CountSqlStatements("SELECT ';'"), 1);
  EXPECT_EQ(CountSqlStatements("SELECT 'a;b'"), 2);
  EXPECT_EQ(CountSqlStatements(""), 0);
}

TEST(SqlStatementsRuleTest, QueryTasksWithSeveralStatementsNotQueries) {
  const auto findings = RuleFindings("jdbc-query-one-statement", "flow.yml",
                                     "id: load\n"
                                     "namespace: company\n"
                                     "tasks:\n"
                                     "  - id: many\n"
                                     "    type: io.kestra.plugin.jdbc.postgresql.Query\n"
                                     "    sql: DELETE FROM runs; INSERT INTO runs VALUES (1)\n"
                                     "  - id: one\n"
                                     "    type: io.kestra.plugin.jdbc.postgresql.Query\n"
                                     "    sql: \"SELECT 1;\"\n"
                                     "  - id: batch\n"
                                     "    type: io.kestra.plugin.jdbc.postgresql.Queries\n"
                                     "    sql: DELETE FROM runs; INSERT INTO runs VALUES (1)\n",
                                     "oss", "1.1");
  ASSERT_THAT(Located(findings), ElementsAre("6:10 jdbc-query-one-statement"));
  EXPECT_EQ(findings[0].property, "many");
  EXPECT_EQ(findings[0].message,
            "Task 'many' (io.kestra.plugin.jdbc.postgresql.Query) runs 2 SQL statements: since "
            "Kestra 1.1 the JDBC Query task accepts one and fails with \"Query task support only "
            "a single SQL statement\"");
}

TEST(SqlStatementsRuleTest, NotBeforeOneOne) {
  EXPECT_TRUE(RuleFindings("jdbc-query-one-statement", "flow.yml",
                           "id: load\nnamespace: company\ntasks:\n"
                           "  - id: many\n    type: io.kestra.plugin.jdbc.mysql.Query\n"
                           "    sql: SELECT 1; SELECT 2\n",
                           "oss", "1.0")
                  .empty());
}

}  // namespace
}  // namespace kestra_lint
