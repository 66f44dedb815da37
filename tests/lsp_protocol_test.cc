// Drives `kestra-lint lsp` through pipes, as an editor does: the server loop
// in this process and the real binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "lsp/lsp_positions.h"
#include "lsp/lsp_uri.h"
#include "lsp_client.h"

namespace kestra_lint::testing {
namespace {

using nlohmann::json;

const char kAppUri[] = "file:///work/app/application.yml";
const char kRemovedKey[] = "kestra:\n  ee:\n    tenants:\n      enabled: true\n";

// A flow whose shell command has "café 😀" before the URI on the same line:
// the URI starts at code point 33 but UTF-16 unit 34.
const char kFlowUri[] = "file:///work/app/flows/report.yml";
const char kFlow[] =
    "id: report\n"
    "namespace: company.team\n"
    "tasks:\n"
    "  - id: call\n"
    "    type: io.kestra.plugin.scripts.shell.Commands\n"
    "    commands:\n"
    "      - curl -H 'X-Note: caf\xC3\xA9 \xF0\x9F\x98\x80' "
    "http://kestra:8080/api/v1/executions/search\n";

json Range(int line, int character, int end_line, int end_character) {
  return {{"start", {{"line", line}, {"character", character}}},
          {"end", {{"line", end_line}, {"character", end_character}}}};
}

int ErrorCode(const json& response) {
  return response.is_object() && response.contains("error") ? response["error"].value("code", 0)
                                                            : 0;
}

class LspProtocol : public ::testing::TestWithParam<LspClient::Mode> {};

TEST_P(LspProtocol, LifecycleAdvertisesFeaturesAndExitsZeroAfterShutdown) {
  LspClient client(GetParam());
  EXPECT_EQ(ErrorCode(client.Response(client.Request("textDocument/hover", json::object()))),
            -32002);
  const json response = client.Initialize();
  const json& capabilities = response["result"]["capabilities"];
  EXPECT_EQ(capabilities["textDocumentSync"]["change"], 2);
  EXPECT_EQ(capabilities["textDocumentSync"]["openClose"], true);
  EXPECT_EQ(capabilities["hoverProvider"], true);
  EXPECT_EQ(capabilities["codeActionProvider"]["codeActionKinds"], json::array({"quickfix"}));
  EXPECT_EQ(response["result"]["serverInfo"]["name"], "kestra-lint");
  EXPECT_EQ(ErrorCode(client.Response(client.Request("initialize", json::object()))), -32600);
  EXPECT_EQ(client.Response(client.Request("shutdown", nullptr))["result"], nullptr);
  EXPECT_EQ(ErrorCode(client.Response(client.Request("textDocument/hover", json::object()))),
            -32600);
  client.Notify("exit", nullptr);
  EXPECT_EQ(client.Wait(), 0);
}

TEST_P(LspProtocol, AsksToWatchConfigFilesOnlyWhenTheClientCanRegisterWatchers) {
  const auto registration = [](const json& m) {
    return m.value("method", "") == "client/registerCapability";
  };
  LspClient able(GetParam());
  able.Initialize(
      {{"capabilities",
        {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}});
  const json request = able.WaitFor(registration);
  ASSERT_FALSE(request.is_null());
  const json& registered = request["params"]["registrations"][0];
  EXPECT_EQ(registered["method"], "workspace/didChangeWatchedFiles");
  std::vector<std::string> globs;
  for (const json& watcher : registered["registerOptions"]["watchers"]) {
    globs.push_back(watcher["globPattern"].get<std::string>());
  }
  // The config file, and the source kinds' files (Terraform's too).
  for (const char* watched : {"**/.kestra-lint.yaml", "**/*.yaml", "**/.env", "**/*.tf"}) {
    EXPECT_NE(std::find(globs.begin(), globs.end(), watched), globs.end()) << watched;
  }
  able.Send({{"jsonrpc", "2.0"}, {"id", request["id"]}, {"result", nullptr}});
  EXPECT_EQ(able.Shutdown(), 0);

  LspClient unable(GetParam());
  unable.Initialize();
  EXPECT_EQ(unable.Response(unable.Request("shutdown", nullptr))["result"], nullptr);
  EXPECT_TRUE(unable.WaitFor(registration, 100).is_null());
}

TEST_P(LspProtocol, ExitWithoutShutdownOrEndOfInputExitsOne) {
  LspClient exits(GetParam());
  exits.Initialize();
  exits.Notify("exit", nullptr);
  EXPECT_EQ(exits.Wait(), 1);
  LspClient hangs_up(GetParam());
  hangs_up.Initialize();
  hangs_up.CloseInput();
  EXPECT_EQ(hangs_up.Wait(), 1);
}

TEST_P(LspProtocol, BadInputGetsErrorResponsesAndTheServerGoesOn) {
  LspClient client(GetParam());
  client.Initialize();
  const auto null_id_error = [](const json& m) { return m.contains("error") && m["id"].is_null(); };

  client.SendRaw("Content-Length: 8\r\n\r\n{\"jsonrp");
  EXPECT_EQ(ErrorCode(client.WaitFor(null_id_error)), -32700);
  client.SendRaw("Content-Type: x\r\n\r\n");
  EXPECT_EQ(ErrorCode(client.WaitFor(null_id_error)), -32700);
  client.Send(json::array({1, 2}));
  EXPECT_EQ(ErrorCode(client.WaitFor(null_id_error)), -32600);
  client.Send({{"jsonrpc", "1.0"}, {"id", 41}, {"method", "shutdown"}});
  EXPECT_EQ(ErrorCode(client.Response(41)), -32600);
  client.Send({{"jsonrpc", "2.0"}, {"id", {{"x", 1}}}, {"method", "shutdown"}});
  EXPECT_EQ(ErrorCode(client.WaitFor(null_id_error)), -32600);

  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  client.SendRaw(
      "Content-Length: " + std::to_string(deep.size() + 54) +
      "\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\",\"params\":" + deep + "}");
  EXPECT_EQ(ErrorCode(client.WaitFor(null_id_error)), -32600);

  EXPECT_EQ(ErrorCode(client.Response(client.Request("kestra/nothing", json::object()))), -32601);
  client.Notify("kestra/nothing", json::object());  // unknown notifications are ignored
  client.Notify("textDocument/didOpen", {{"textDocument", 7}});  // logged, not fatal
  const json bad_params =
      client.Response(client.Request("textDocument/hover", {{"textDocument", {{"uri", kAppUri}}}}));
  EXPECT_EQ(ErrorCode(bad_params), -32602);
  client.Send({{"jsonrpc", "2.0"}, {"id", "abc"}, {"method", "kestra/nothing"}});
  EXPECT_EQ(ErrorCode(client.Response("abc")), -32601);

  client.Open(kAppUri, kRemovedKey);
  EXPECT_EQ(client.Diagnostics(kAppUri).size(), 1u);
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST_P(LspProtocol, DiagnosticsUseUtf16RangesAndCarryRuleDetails) {
  LspClient client(GetParam());
  client.Initialize();
  client.Open(kFlowUri, kFlow);
  const json diagnostics = client.Diagnostics(kFlowUri, 1);
  ASSERT_EQ(diagnostics.size(), 1u);
  const json& diagnostic = diagnostics[0];
  // "      - curl -H 'X-Note: café " is 31 units, the emoji 2, the space 1.
  EXPECT_EQ(diagnostic["range"], Range(6, 34, 6, 34 + 43));
  EXPECT_EQ(diagnostic["code"], "api-uri-missing-tenant");
  EXPECT_EQ(diagnostic["source"], "kestra-lint");
  EXPECT_EQ(diagnostic["severity"], 2);
  EXPECT_NE(diagnostic["message"].get<std::string>().find(
                "Suggestion: Use http://kestra:8080/api/v1/{{ flow.tenantId }}/executions/search"),
            std::string::npos);
  EXPECT_TRUE(diagnostic["codeDescription"]["href"].is_string());
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST_P(LspProtocol, IncrementalChangesUpdateTheDiagnostics) {
  LspClient client(GetParam());
  client.Initialize();
  client.Open(kAppUri, kRemovedKey);
  ASSERT_EQ(client.Diagnostics(kAppUri, 1).size(), 1u);
  // Rename "enabled" (line 3, characters 6..13) to "other": nothing to report.
  client.Notify("textDocument/didChange",
                {{"textDocument", {{"uri", kAppUri}, {"version", 2}}},
                 {"contentChanges", {{{"range", Range(3, 6, 3, 13)}, {"text", "other"}}}}});
  EXPECT_EQ(client.Diagnostics(kAppUri, 2), json::array());
  // Two changes in one notification apply in order: add a key, then undo the rename.
  client.Notify("textDocument/didChange",
                {{"textDocument", {{"uri", kAppUri}, {"version", 3}}},
                 {"contentChanges",
                  {{{"range", Range(4, 0, 4, 0)}, {"text", "  tenants.defaultTenant: true\n"}},
                   {{"range", Range(3, 6, 3, 11)}, {"text", "enabled"}}}}});
  const json diagnostics = client.Diagnostics(kAppUri, 3);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0]["range"]["start"], json({{"line", 3}, {"character", 6}}));
  EXPECT_EQ(diagnostics[1]["range"]["start"]["line"], 4);
  client.Notify("textDocument/didClose", {{"textDocument", {{"uri", kAppUri}}}});
  EXPECT_EQ(client.Diagnostics(kAppUri), json::array());
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST_P(LspProtocol, SupersededVersionsAreNeverPublishedAfterNewerOnes) {
  LspClient client(GetParam());
  client.Initialize();
  client.Open(kAppUri, kRemovedKey);
  for (int version = 2; version <= 30; ++version) {
    client.Notify(
        "textDocument/didChange",
        {{"textDocument", {{"uri", kAppUri}, {"version", version}}},
         {"contentChanges",
          {{{"text", std::string(kRemovedKey) + "# " + std::to_string(version) + "\n"}}}}});
  }
  std::vector<int> versions;
  for (;;) {
    const json message = client.WaitFor(
        [](const json& m) { return m.value("method", "") == "textDocument/publishDiagnostics"; });
    ASSERT_FALSE(message.is_null());
    versions.push_back(message["params"]["version"]);
    if (versions.back() == 30) break;
  }
  EXPECT_TRUE(std::is_sorted(versions.begin(), versions.end()));
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST_P(LspProtocol, CodeActionsOfferTheSuppressionAndTheExplanation) {
  LspClient client(GetParam());
  client.Initialize();
  client.Open(kAppUri, kRemovedKey);
  ASSERT_EQ(client.Diagnostics(kAppUri, 1).size(), 1u);
  const json actions = client.Response(client.Request(
      "textDocument/codeAction", {{"textDocument", {{"uri", kAppUri}}},
                                  {"range", Range(3, 0, 3, 0)},
                                  {"context", {{"diagnostics", json::array()}}}}))["result"];
  ASSERT_EQ(actions.size(), 3u);
  // The key's certain fix (deleting it; its bytes are checked against
  // `kestra-lint fix` below), then the suppression, then the explanation.
  EXPECT_EQ(actions[0]["title"].get<std::string>().rfind("Fix removed-tenants-enabled: ", 0), 0u);
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[1]["title"], "Disable removed-tenants-enabled for this line");
  EXPECT_EQ(actions[1]["edit"]["changes"][kAppUri][0]["range"], Range(3, 19, 3, 19));
  EXPECT_EQ(actions[1]["edit"]["changes"][kAppUri][0]["newText"],
            "  # kestra-lint disable-line removed-tenants-enabled -- <reason>");
  EXPECT_EQ(actions[2]["command"]["command"], "kestra-lint.explainRule");

  const json explained =
      client.Response(client.Request("workspace/executeCommand", actions[2]["command"]));
  EXPECT_EQ(explained["result"].get<std::string>().rfind("# removed-tenants-enabled", 0), 0u);
  const json shown =
      client.WaitFor([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  EXPECT_NE(shown["params"]["message"].get<std::string>().find("removed"), std::string::npos);
  EXPECT_EQ(ErrorCode(client.Response(
                client.Request("workspace/executeCommand",
                               {{"command", "kestra-lint.explainRule"}, {"arguments", {"nope"}}}))),
            -32602);

  const json elsewhere = client.Response(client.Request(
      "textDocument/codeAction", {{"textDocument", {{"uri", kAppUri}}},
                                  {"range", Range(0, 0, 0, 3)},
                                  {"context", {{"diagnostics", json::array()}}}}))["result"];
  EXPECT_EQ(elsewhere, json::array());
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST_P(LspProtocol, HoverOnAFlaggedUriShowsTheRuleAndTheReplacement) {
  LspClient client(GetParam());
  client.Initialize();
  client.Open(kFlowUri, kFlow);
  const json hover = client.Response(client.Request(
      "textDocument/hover",
      {{"textDocument", {{"uri", kFlowUri}}}, {"position", {{"line", 6}, {"character", 40}}}}));
  const std::string markdown = hover["result"]["contents"]["value"];
  EXPECT_NE(markdown.find("**api-uri-missing-tenant**"), std::string::npos);
  EXPECT_NE(markdown.find("http://kestra:8080/api/v1/{{ flow.tenantId }}/executions/search"),
            std::string::npos);
  EXPECT_EQ(hover["result"]["range"], Range(6, 34, 6, 77));
  const json nothing = client.Response(client.Request(
      "textDocument/hover",
      {{"textDocument", {{"uri", kFlowUri}}}, {"position", {{"line", 0}, {"character", 1}}}}));
  EXPECT_TRUE(nothing["result"].is_null());
  EXPECT_EQ(client.Shutdown(), 0);
}

INSTANTIATE_TEST_SUITE_P(InProcessAndBinary, LspProtocol,
                         ::testing::Values(LspClient::Mode::kInProcess, LspClient::Mode::kBinary),
                         [](const ::testing::TestParamInfo<LspClient::Mode>& info) {
                           return info.param == LspClient::Mode::kInProcess ? "InProcess"
                                                                            : "Binary";
                         });

// A document big enough that checking it takes a while.
std::string SlowDocument() {
  std::string text = "kestra:\n";
  for (int i = 0; i < 8000; ++i) {
    text += "  key" + std::to_string(i) + ": http://kestra:8080/api/v1/flows/n/f" +
            std::to_string(i) + "\n";
  }
  return text;
}

TEST(LspServer, ASlowDocumentBlocksNeitherOtherRequestsNorCancellation) {
  LspClient client(LspClient::Mode::kInProcess);
  client.Initialize();
  client.Open(kAppUri, kRemovedKey);
  ASSERT_EQ(client.Diagnostics(kAppUri, 1).size(), 1u);

  const std::string slow_uri = "file:///work/app/application-big.yml";
  client.Notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", slow_uri}, {"languageId", "yaml"}, {"version", 1}, {"text", SlowDocument()}}}});
  // Sent in one write, so the server reads them while the big document is checked.
  const int waiting = 900;
  const int quick = 901;
  const auto hover = [](int id, const std::string& uri, int line, int character) {
    return json{{"jsonrpc", "2.0"},
                {"id", id},
                {"method", "textDocument/hover"},
                {"params",
                 {{"textDocument", {{"uri", uri}}},
                  {"position", {{"line", line}, {"character", character}}}}}};
  };
  client.SendTogether(
      {hover(waiting, slow_uri, 1, 3),
       {{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", waiting}}}},
       hover(quick, kAppUri, 3, 8)});
  // Both answers come while the big document is still being checked.
  const auto response_or_slow_diagnostics = [&](const json& m) {
    return (m.contains("id") && !m.contains("method")) ||
           (m.value("method", "") == "textDocument/publishDiagnostics" &&
            m["params"]["uri"] == slow_uri);
  };
  const json first = client.WaitFor(response_or_slow_diagnostics);
  EXPECT_EQ(first["id"], waiting);
  EXPECT_EQ(ErrorCode(first), -32800);
  const json second = client.WaitFor(response_or_slow_diagnostics);
  EXPECT_EQ(second["id"], quick);
  EXPECT_TRUE(second["result"].is_object());
  EXPECT_FALSE(client.Diagnostics(slow_uri, 1, 60000).is_null());
  EXPECT_EQ(client.Shutdown(), 0);
}

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
  const char config[] = "kestra:\n  server:\n    basic-auth:\n      username: admin@example.com\n";
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
                  {{{"range", Range(4, 0, 4, 0)},
                    {"text", "      open-urls:\n        - /api/v1/*/executions/webhook/\n"}}}}});
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

// Reads the diagnostics published for `uri` until `wanted` holds for them;
// null when none that do come within the client's timeout.
template <typename Wanted>
json DiagnosticsUntil(LspClient& client, const std::string& uri, Wanted wanted) {
  for (;;) {
    const json diagnostics = client.Diagnostics(uri);
    if (diagnostics.is_null() || wanted(diagnostics)) return diagnostics;
  }
}

// The diagnostics' codes and severities, "code:severity" in order.
std::vector<std::string> CodesAndSeverities(const json& diagnostics) {
  std::vector<std::string> found;
  for (const json& diagnostic : diagnostics) {
    found.push_back(diagnostic["code"].get<std::string>() + ":" +
                    std::to_string(diagnostic["severity"].get<int>()));
  }
  return found;
}

const char kTwoRemovedKeys[] =
    "kestra:\n  ee:\n    tenants:\n      enabled: true\n      defaultTenant: true\n";

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

TEST_P(LspProtocol, ABrokenConfigOnDiskIsShownAtItsPlaceAndTheDefaultsApply) {
  TempDir dir;
  const std::string config_uri =
      UriFromPath(dir.Write(".kestra-lint.yaml", "edition: ee\nfailOn: sometimes\n"));
  const std::string app_uri = UriFromPath(dir.Write("application.yml", kRemovedKey));
  LspClient client(GetParam());
  client.Initialize();
  client.Open(app_uri, kRemovedKey);
  const json mistakes = client.Diagnostics(config_uri);
  ASSERT_EQ(mistakes.size(), 1u);
  EXPECT_EQ(mistakes[0]["range"], Range(1, 8, 1, 17));
  EXPECT_EQ(mistakes[0]["message"].get<std::string>().rfind("invalid setting at /failOn: ", 0), 0u);
  // The config is not open: the editor may not show its diagnostics, so a message too.
  const json shown =
      client.WaitFor([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  EXPECT_NE(
      shown["params"]["message"].get<std::string>().find(".kestra-lint.yaml:2:9: invalid setting"),
      std::string::npos);
  EXPECT_EQ(CodesAndSeverities(client.Diagnostics(app_uri, 1)),
            std::vector<std::string>{"removed-tenants-enabled:1"});
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
