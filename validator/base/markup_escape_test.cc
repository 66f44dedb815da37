#include "base/markup_escape.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

TEST(MarkupEscapeTest, EscapesMarkupCharactersAsEntities) {
  EXPECT_EQ(EscapeMarkup("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST(MarkupEscapeTest, KeepsWhitespaceAsCharacterReferences) {
  EXPECT_EQ(EscapeMarkup("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
}

TEST(MarkupEscapeTest, ReplacesWhatXmlCannotHold) {
  EXPECT_EQ(EscapeMarkup(std::string("a\x01"
                                     "b\x1f"
                                     "c",
                                     5)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c");
  EXPECT_EQ(EscapeMarkup(std::string("nul\0", 4)), "nul\xEF\xBF\xBD");
  EXPECT_EQ(EscapeMarkup("\xEF\xBF\xBE\xEF\xBF\xBF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(EscapeMarkup("bad \xC3 byte"), "bad \xEF\xBF\xBD byte");
}

TEST(MarkupEscapeTest, KeepsOtherUnicode) {
  EXPECT_EQ(EscapeMarkup("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
}

TEST(MarkupEscapeTest, CDataSplitsItsTerminator) {
  EXPECT_EQ(XmlCData("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
  EXPECT_EQ(XmlCData("]]>]]>"), "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>");
  EXPECT_EQ(XmlCData("]]]>"), "<![CDATA[]]]]]><![CDATA[>]]>");
  EXPECT_EQ(XmlCData("<b> & ]] >"), "<![CDATA[<b> & ]] >]]>");
}

TEST(MarkupEscapeTest, CDataReplacesControlCharacters) {
  EXPECT_EQ(XmlCData("x\x02y\nz"), "<![CDATA[x\xEF\xBF\xBDy\nz]]>");
}

}  // namespace
}  // namespace kestra_lint
