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
#include "lsp_fixtures.h"

namespace kestra_lint::testing {
namespace {

using nlohmann::json;

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

// Application code is diagnosed when opened, at the URI's place: hover and
// the suppression action (in the language's comment) work there too.
TEST_P(LspProtocol, TypeScriptAndPythonClientsAreDiagnosedWhereTheCallIs) {
  constexpr char kTsUri[] = "file:///work/app/web/lib/kestra.ts";
  constexpr char kPyUri[] = "file:///work/app/agent/client.py";
  constexpr char kOtherUri[] = "file:///work/app/web/lib/dental.ts";
  LspClient client(GetParam());
  client.Initialize();
  client.Open(kTsUri,
              "const KESTRA_URL = process.env.KESTRA_URL ?? \"http://localhost:8080\";\n"
              "export const flows = () => fetch(`${KESTRA_URL}/api/v1/flows/search`);\n");
  const json diagnostics = client.Diagnostics(kTsUri, 1);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["code"], "api-uri-missing-tenant");
  EXPECT_EQ(diagnostics[0]["range"], Range(1, 34, 1, 67));
  const json hover = client.Response(client.Request(
      "textDocument/hover",
      {{"textDocument", {{"uri", kTsUri}}}, {"position", {{"line", 1}, {"character", 50}}}}));
  EXPECT_NE(
      hover["result"]["contents"]["value"].get<std::string>().find("**api-uri-missing-tenant**"),
      std::string::npos);
  const json actions = client.Response(client.Request(
      "textDocument/codeAction", {{"textDocument", {{"uri", kTsUri}}},
                                  {"range", Range(1, 0, 1, 0)},
                                  {"context", {{"diagnostics", json::array()}}}}))["result"];
  ASSERT_EQ(actions.size(), 2u);  // a template gets no fix: the suppression, the explanation
  EXPECT_EQ(actions[0]["edit"]["changes"][kTsUri][0]["newText"],
            "  // kestra-lint disable-line api-uri-missing-tenant -- <reason>");

  client.Open(kPyUri,
              "KESTRA_URL = os.environ['KESTRA_URL']\n"
              "flows = requests.get(f\"{KESTRA_URL}/api/v1/flows/search\")\n");
  const json python = client.Diagnostics(kPyUri, 1);
  ASSERT_EQ(python.size(), 1u);
  EXPECT_EQ(python[0]["range"], Range(1, 23, 1, 55));
  const json python_actions = client.Response(client.Request(
      "textDocument/codeAction", {{"textDocument", {{"uri", kPyUri}}},
                                  {"range", Range(1, 0, 1, 0)},
                                  {"context", {{"diagnostics", json::array()}}}}))["result"];
  ASSERT_EQ(python_actions.size(), 2u);
  EXPECT_EQ(python_actions[0]["edit"]["changes"][kPyUri][0]["newText"],
            "  # kestra-lint disable-line api-uri-missing-tenant -- <reason>");

  client.Open(kOtherUri, "export const x = () => fetch(`${OPENDENTAL}/api/v1/flows/x`);\n");
  EXPECT_EQ(client.Diagnostics(kOtherUri, 1), json::array());
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

}  // namespace
}  // namespace kestra_lint::testing
