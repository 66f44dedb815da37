#include "report/json_stream.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/embedded_files.h"
#include "base/schema_validator.h"
#include "report/report.h"
#include "report_fixture.h"

namespace kestra_lint {
namespace {

using testing::ReportFixture;

// What the formatters wrote before they streamed: the whole document dumped
// at once. A streamed output parsed back and dumped so is the same bytes.
std::string DumpedWhole(const std::string& streamed) {
  return JsonStream::Json::parse(streamed).dump(2, ' ', false,
                                                JsonStream::Json::error_handler_t::replace) +
         "\n";
}

TEST(JsonStreamTest, WritesTheBytesOfAWholeDump) {
  std::ostringstream out;
  JsonStream json(out);
  json.BeginObject();
  json.Member("empty array", JsonStream::Json::array());
  json.BeginArray("streamed empty");
  json.End();
  json.BeginObject("nested");
  json.Member("text", "line\nbreak \"quoted\" \xC3\xA9 \x01");
  json.BeginArray("items");
  json.Element({{"a", {1, 2, {{"b", JsonStream::Json::object()}}}}});
  json.Element(nullptr);
  json.End();
  json.End();
  json.End();
  EXPECT_EQ(out.str(), DumpedWhole(out.str()));
  EXPECT_NE(out.str().find("\"streamed empty\": []"), std::string::npos) << out.str();
}

// 300 copies of the fixture's findings (markup, control characters,
// invalid UTF-8, suppressions): each streamed format parses back to the
// document a whole dump gives, and JSON output still meets its schema. The
// equality does not depend on the count, and more costs CI time under ASan.
TEST(JsonStreamTest, ABigFindingSetStreamsTheSameDocument) {
  ReportFixture fixture;
  const std::vector<Finding> one_set = fixture.result.findings;
  for (int copy = 1; copy < 300; ++copy) {
    for (Finding finding : one_set) {
      finding.message += " #" + std::to_string(copy);
      fixture.result.findings.push_back(std::move(finding));
    }
  }
  SortFindings(fixture.result.findings);
  for (const Formatter formatter : {WriteJson, WriteSarif, WriteGitlab}) {
    std::ostringstream out;
    formatter(fixture.report(), out);
    ASSERT_GT(out.str().size(), 100000u);
    EXPECT_EQ(out.str(), DumpedWhole(out.str()));
  }
  std::ostringstream out;
  WriteJson(fixture.report(), out);
  const nlohmann::json schema =
      nlohmann::json::parse(FindEmbeddedFile("schemas/findings.schema.json")->bytes);
  const nlohmann::json output = nlohmann::json::parse(out.str());
  EXPECT_TRUE(ValidateAgainstSchema(schema, output).empty());
  EXPECT_EQ(output["findings"].size(), fixture.result.findings.size());
}

}  // namespace
}  // namespace kestra_lint
