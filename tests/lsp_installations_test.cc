// Drives `kestra-lint lsp` as an editor does, across files: workspace facts
// from other files, each installation's .kestra-lint.yaml, quick fixes that
// give the bytes of `kestra-lint fix`.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "lsp/lsp_positions.h"
#include "lsp/lsp_uri.h"
#include "lsp_client.h"
#include "lsp_fixtures.h"

namespace kestra_lint::testing {
namespace {

using nlohmann::json;

// Reads the diagnostics published for `uri` until its one diagnostic has
// `severity`; false when none come within the client's timeout.
bool SeverityBecomes(LspClient& client, const std::string& uri, int severity) {
  for (;;) {
    const json diagnostics = client.Diagnostics(uri);
    if (diagnostics.is_null()) return false;
    if (diagnostics.size() == 1 && diagnostics[0]["severity"] == severity) return true;
  }
}

TEST(LspServer, WorkspaceFactsFromOtherFilesSetAFlowUrisSeverity) {
  TempDir dir;
  dir.Write("deploy/application.yml", "kestra:\n  ee:\n    license:\n      id: abc\n");
  const std::string flow_path = dir.Write("flows/report.yml", kFlow);
  const std::string config_path = dir.path() + "/deploy/application.yml";
  const std::string flow_uri = UriFromPath(flow_path);
  const std::string config_uri = UriFromPath(config_path);

  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize({{"capabilities", json::object()},
                     {"workspaceFolders", {{{"uri", UriFromPath(dir.path())}, {"name", "w"}}}}});
  client.Open(flow_uri, kFlow);
  // The background scan finds the Enterprise config: the URI is an error.
  ASSERT_TRUE(SeverityBecomes(client, flow_uri, 1));

  // Unsaved text of an open config wins over the disk: a fallbackTenant makes it a warning.
  client.Open(config_uri, "kestra:\n  ee:\n    license:\n      id: abc\n");
  client.Notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", config_uri}, {"version", 2}}},
       {"contentChanges",
        {{{"range", Range(4, 0, 4, 0)}, {"text", "    tenants:\n      fallbackTenant: t1\n"}}}}});
  ASSERT_TRUE(SeverityBecomes(client, flow_uri, 2));

  // Closed without saving: the disk counts again.
  client.Notify("textDocument/didClose", {{"textDocument", {{"uri", config_uri}}}});
  ASSERT_TRUE(SeverityBecomes(client, flow_uri, 1));

  // Saved by another program: the watched-file notification refreshes the facts.
  dir.Write("deploy/application.yml", "kestra:\n  ee:\n    tenants:\n      fallback-tenant: t1\n");
  client.Notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", config_uri}, {"type", 2}}}}});
  ASSERT_TRUE(SeverityBecomes(client, flow_uri, 2));
  EXPECT_EQ(client.Shutdown(), 0);
}

bool DiagnosticCountBecomes(LspClient& client, const std::string& uri, size_t count) {
  for (;;) {
    const json diagnostics = client.Diagnostics(uri);
    if (diagnostics.is_null()) return false;
    if (diagnostics.size() == count) return true;
  }
}

// Every fact counts: open-urls set in one open document checks the others
// again (it once compared only some facts, and the webhook callers kept
// their stale diagnostics).
TEST(LspServer, OpenUrlsSetInOneDocumentRechecksTheOthers) {
  TempDir dir;
  const char config[] =
      "kestra:\n  server:\n    basic-auth:\n      enabled: true\n      username: "
      "admin@example.com\n";
  const char caller[] =
      "on: push\njobs:\n  notify:\n    steps:\n"
      "      - run: curl -X POST http://kestra:8080/api/v1/main/executions/webhook/n/f/key\n";
  const std::string config_uri = UriFromPath(dir.Write("application.yml", config));
  const std::string caller_uri = UriFromPath(dir.Write(".github/workflows/ci.yml", caller));
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize({{"capabilities", json::object()},
                     {"rootUri", UriFromPath(dir.path())},
                     {"initializationOptions", {{"edition", "oss"}, {"targetVersion", "0.23"}}}});
  client.Open(config_uri, config);
  client.Open(caller_uri, caller);
  ASSERT_TRUE(DiagnosticCountBecomes(client, caller_uri, 1));  // webhook-open-urls
  client.Notify("textDocument/didChange",
                {{"textDocument", {{"uri", config_uri}, {"version", 2}}},
                 {"contentChanges",
                  {{{"range", Range(5, 0, 5, 0)},
                    {"text", "      open-urls:\n        - /api/v1/main/executions/webhook/\n"}}}}});
  EXPECT_TRUE(DiagnosticCountBecomes(client, caller_uri, 0));
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServer, AClosedFileOutsideTheWorkspaceFoldersLeavesNoFactsBehind) {
  TempDir workspace;
  TempDir elsewhere;
  const std::string config_uri = UriFromPath(elsewhere.Write(
      "application.yml", "kestra:\n  ee:\n    tenants:\n      fallbackTenant: t1\n"));
  const std::string flow_uri = UriFromPath(workspace.Write("flows/report.yml", kFlow));
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize({{"capabilities", json::object()},
                     {"rootUri", UriFromPath(workspace.path())},
                     {"initializationOptions", {{"edition", "ee"}}}});
  client.Open(config_uri, "kestra:\n  ee:\n    tenants:\n      fallbackTenant: t1\n");
  ASSERT_FALSE(client.Diagnostics(config_uri, 1).is_null());
  client.Notify("textDocument/didClose", {{"textDocument", {{"uri", config_uri}}}});
  // The list that clears it (earlier versions may be published again before).
  EXPECT_FALSE(client
                   .WaitFor([&](const json& m) {
                     return m.value("method", "") == "textDocument/publishDiagnostics" &&
                            m["params"]["uri"] == config_uri && m["params"]["diagnostics"].empty();
                   })
                   .is_null());
  client.Open(flow_uri, kFlow);
  ASSERT_FALSE(client.Diagnostics(flow_uri, 1).is_null());
  // A second version, checked after the close has long been handled.
  client.Notify("textDocument/didChange", {{"textDocument", {{"uri", flow_uri}, {"version", 2}}},
                                           {"contentChanges", {{{"text", kFlow}}}}});
  const json diagnostics = client.Diagnostics(flow_uri, 2);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["severity"], 1);  // EE without a fallbackTenant
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServer, InitializationOptionsAndKestraLintYamlBoundariesApplyAsInCheck) {
  TempDir dir;
  dir.Write("deploy/application.yml", "kestra:\n  ee:\n    tenants:\n      fallbackTenant: t1\n");
  const std::string flow_uri = UriFromPath(dir.Write("flows/report.yml", kFlow));
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize({{"capabilities", json::object()},
                     {"rootUri", UriFromPath(dir.path())},
                     {"initializationOptions", {{"edition", "ee"}, {"tenant", "t1"}}}});
  client.Open(flow_uri, kFlow);
  ASSERT_TRUE(SeverityBecomes(client, flow_uri, 2));  // EE with the fallbackTenant of deploy/

  // deploy/ becomes an installation of its own: its fallbackTenant no longer
  // covers the flow, which is Enterprise by the option.
  const std::string marker = dir.Write("deploy/.kestra-lint.yaml", "# deploy\n");
  client.Notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", UriFromPath(marker)}, {"type", 1}}}}});
  ASSERT_TRUE(SeverityBecomes(client, flow_uri, 1));
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServer, RulesOfKestraLintYamlOnDiskApplyAndFollowItsChanges) {
  TempDir dir;
  const std::string config = dir.Write(".kestra-lint.yaml", "edition: auto\n");
  const std::string app_uri = UriFromPath(dir.Write("application.yml", kTwoRemovedKeys));
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize({{"capabilities", json::object()}, {"rootUri", UriFromPath(dir.path())}});
  client.Open(app_uri, kTwoRemovedKeys);
  EXPECT_EQ(CodesAndSeverities(client.Diagnostics(app_uri, 1)),
            (std::vector<std::string>{"removed-tenants-enabled:1", "removed-default-tenant:1"}));

  // Saved by another program: one rule off, one rule's severity lowered.
  dir.Write(".kestra-lint.yaml",
            "rules:\n  removed-tenants-enabled: off\n  removed-default-tenant: info\n");
  client.Notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", UriFromPath(config)}, {"type", 2}}}}});
  const json diagnostics =
      DiagnosticsUntil(client, app_uri, [](const json& d) { return d.size() == 1; });
  EXPECT_EQ(CodesAndSeverities(diagnostics), std::vector<std::string>{"removed-default-tenant:3"});
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServer, EditionEeInKestraLintYamlMakesATenantlessUriAnError) {
  TempDir dir;
  dir.Write(".kestra-lint.yaml", "edition: ee\n");
  const std::string flow_uri = UriFromPath(dir.Write("flows/report.yml", kFlow));
  LspClient client(LspClient::Mode::kInProcess);
  // The editor's default loses to the installation's file.
  client.Initialize(
      {{"capabilities", json::object()}, {"initializationOptions", {{"edition", "oss"}}}});
  client.Open(flow_uri, kFlow);
  // Without the config the same flow gives a warning (DiagnosticsUseUtf16Ranges...).
  EXPECT_EQ(CodesAndSeverities(client.Diagnostics(flow_uri, 1)),
            std::vector<std::string>{"api-uri-missing-tenant:1"});
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServer, EditingTheOpenConfigRepublishesAndAMistakeIsShownInIt) {
  TempDir dir;
  const std::string config_uri = UriFromPath(dir.Write(".kestra-lint.yaml", "edition: auto\n"));
  const std::string app_uri = UriFromPath(dir.Write("application.yml", kRemovedKey));
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize();
  client.Open(app_uri, kRemovedKey);
  ASSERT_EQ(client.Diagnostics(app_uri, 1).size(), 1u);
  client.Open(config_uri, "edition: auto\n");
  EXPECT_EQ(client.Diagnostics(config_uri, 1), json::array());

  // Unsaved text of the open config counts: the rule goes off.
  client.Notify("textDocument/didChange",
                {{"textDocument", {{"uri", config_uri}, {"version", 2}}},
                 {"contentChanges", {{{"text", "rules:\n  removed-tenants-enabled: off\n"}}}}});
  EXPECT_EQ(DiagnosticsUntil(client, app_uri, [](const json& d) { return d.empty(); }),
            json::array());
  EXPECT_EQ(client.Diagnostics(config_uri, 2), json::array());

  // A typo in a rule id: shown at the id with the closest one; the last good
  // settings stay, so the rule stays off.
  client.Notify("textDocument/didChange",
                {{"textDocument", {{"uri", config_uri}, {"version", 3}}},
                 {"contentChanges", {{{"range", Range(1, 16, 1, 17)}, {"text", ""}}}}});
  const json mistakes = client.Diagnostics(config_uri, 3);
  ASSERT_EQ(mistakes.size(), 1u);
  EXPECT_EQ(mistakes[0]["message"],
            "unknown rule 'removed-tenant-enabled'; did you mean 'removed-tenants-enabled'?");
  EXPECT_EQ(mistakes[0]["range"], Range(1, 2, 1, 29));
  EXPECT_EQ(mistakes[0]["severity"], 1);
  EXPECT_EQ(client.Diagnostics(app_uri), json::array());

  // Closed unsaved: the disk's config counts again and the rule is back.
  client.Notify("textDocument/didClose", {{"textDocument", {{"uri", config_uri}}}});
  EXPECT_EQ(DiagnosticsUntil(client, app_uri, [](const json& d) { return d.size() == 1; }).size(),
            1u);
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServer, AnExcludedDocumentGetsNoDiagnosticsAndRulePacksComeFromTheConfig) {
  TempDir dir;
  dir.Write(".kestra-lint.yaml", "exclude: [legacy/]\nrulePacks: [packs/future.yaml]\n");
  dir.Write("packs/future.yaml",
            "id: kestra-9.9\nversion: 1.0.0\ntitle: Future\nrules:\n  - id: removed-future-key\n"
            "    type: PropertySet\n    title: Future key removed\n    severity: warning\n"
            "    message: \"'{written}' is gone\"\n    properties: [kestra.future.someKey]\n");
  const std::string future = "kestra:\n  future:\n    some-key: 1\n";
  const std::string app_uri = UriFromPath(dir.Write("application.yml", future));
  const std::string legacy_uri = UriFromPath(dir.Write("legacy/application.yml", kRemovedKey));
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize();
  client.Open(legacy_uri, kRemovedKey);
  EXPECT_EQ(client.Diagnostics(legacy_uri, 1), json::array());
  client.Open(app_uri, future);
  const json diagnostics = client.Diagnostics(app_uri, 1);
  EXPECT_EQ(CodesAndSeverities(diagnostics), std::vector<std::string>{"removed-future-key:2"});
  EXPECT_EQ(diagnostics[0]["message"], "'kestra.future.some-key' is gone");
  // Explain knows the pack's rule too, though it has no page of its own.
  const json explained = client.Response(client.Request(
      "workspace/executeCommand",
      {{"command", "kestra-lint.explainRule"}, {"arguments", {"removed-future-key"}}}));
  // The same text as `kestra-lint explain` (ExplainRule).
  EXPECT_EQ(explained["result"],
            "# removed-future-key\n\nFuture key removed\n\nSeverity: warning\nPack: kestra-9.9\n");
  EXPECT_EQ(client.Shutdown(), 0);
}

// Applies the edits a WorkspaceEdit makes to `uri`, as a client does.
std::string ApplyWorkspaceEdit(const std::string& text, const json& edit, const std::string& uri) {
  const SourceText source(text);
  std::vector<std::pair<size_t, size_t>> ranges;
  std::vector<std::string> replacements;
  for (const json& change : edit.at("changes").at(uri)) {
    const LspRange range = LspRangeFromJson(change.at("range"));
    ranges.emplace_back(OffsetOfLspPosition(source, range.start),
                        OffsetOfLspPosition(source, range.end));
    replacements.push_back(change.at("newText"));
  }
  std::string result = text;
  // From the last edit to the first, so earlier offsets stay valid.
  std::vector<size_t> order(ranges.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return ranges[a].first > ranges[b].first; });
  for (size_t i : order) {
    result.replace(ranges[i].first, ranges[i].second - ranges[i].first, replacements[i]);
  }
  return result;
}

// The code action titled `prefix...` offered on `line`, or null.
json ActionOnLine(LspClient& client, const std::string& uri, int line, const std::string& prefix) {
  const json actions = client.Response(client.Request(
      "textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                  {"range", Range(line, 0, line, 0)},
                                  {"context", {{"diagnostics", json::array()}}}}))["result"];
  for (const json& action : actions) {
    if (action.value("title", "").rfind(prefix, 0) == 0) return action;
  }
  return nullptr;
}

const char kComposeWithRemovedKey[] =
    "services:\n"
    "  kestra:\n"
    "    image: kestra/kestra:latest  # the server\n"
    "    environment:\n"
    "      KESTRA_CONFIGURATION: |\n"
    "        kestra:\n"
    "          url: http://localhost:8080/\n"
    "          ee:\n"
    "            license: abc\n"
    "            tenants:\n"
    "              enabled: true\n"
    "    ports: [\"8080:8080\"]\n";

TEST(LspServer, QuickFixThroughTheProtocolGivesTheBytesOfKestraLintFix) {
  TempDir dir;
  const std::string path = dir.Write("deploy/docker-compose.yml", kComposeWithRemovedKey);
  const std::string uri = UriFromPath(path);
  std::string fixed_by_client;
  {
    LspClient client(LspClient::Mode::kBinary);
    client.Initialize({{"capabilities", json::object()}, {"rootUri", UriFromPath(dir.path())}});
    client.Open(uri, kComposeWithRemovedKey);
    json removed;
    for (const json& diagnostic : client.Diagnostics(uri, 1)) {
      if (diagnostic["code"] == "removed-tenants-enabled") removed = diagnostic;
    }
    ASSERT_FALSE(removed.is_null());
    EXPECT_EQ(removed["data"]["fixable"], true);
    const int line = removed["range"]["start"]["line"];
    EXPECT_EQ(line, 10);
    const json fix = ActionOnLine(client, uri, line, "Fix removed-tenants-enabled");
    ASSERT_FALSE(fix.is_null());
    EXPECT_EQ(fix["isPreferred"], true);
    fixed_by_client = ApplyWorkspaceEdit(kComposeWithRemovedKey, fix["edit"], uri);
    EXPECT_EQ(client.Shutdown(), 0);
  }
  const CliRun fixed = RunBinary("fix '" + path + "'");
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  std::ifstream file(path, std::ios::binary);
  const std::string fixed_by_cli((std::istreambuf_iterator<char>(file)),
                                 std::istreambuf_iterator<char>());
  EXPECT_NE(fixed_by_cli, kComposeWithRemovedKey);
  EXPECT_EQ(fixed_by_client, fixed_by_cli);
}

TEST(LspServer, TheDisableActionSilencesTheFindingOnThatLine) {
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize();
  client.Open(kAppUri, kRemovedKey);
  ASSERT_EQ(client.Diagnostics(kAppUri, 1).size(), 1u);
  const json disable = ActionOnLine(client, kAppUri, 3, "Disable removed-tenants-enabled");
  ASSERT_FALSE(disable.is_null());
  const std::string waived = ApplyWorkspaceEdit(kRemovedKey, disable["edit"], kAppUri);
  client.Notify("textDocument/didChange", {{"textDocument", {{"uri", kAppUri}, {"version", 2}}},
                                           {"contentChanges", {{{"text", waived}}}}});
  EXPECT_EQ(client.Diagnostics(kAppUri, 2), json::array());
  EXPECT_EQ(client.Shutdown(), 0);
}

}  // namespace
}  // namespace kestra_lint::testing
