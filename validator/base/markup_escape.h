// Escaping for the XML outputs (JUnit, checkstyle) and the HTML audit report.
// Text from scanned files may hold markup, invalid UTF-8 and control
// characters; what these return is always well-formed and shows as text.
#pragma once

#include <string>
#include <string_view>

namespace kestra_lint {

// `text` as XML or HTML character data or attribute value: & < > " ' as
// entities, tab, line feed and carriage return as character references (so
// attribute values keep them), invalid UTF-8 and the characters XML 1.0 cannot
// hold (other C0 controls, U+FFFE, U+FFFF) as U+FFFD.
std::string EscapeMarkup(std::string_view text);

// A CDATA section holding `text`: "]]>" is split across two sections, invalid
// UTF-8 and characters XML 1.0 cannot hold become U+FFFD.
std::string XmlCData(std::string_view text);

// `text` as Markdown that shows as typed: '<', '>' and '&' as entities,
// Markdown punctuation with a backslash, line breaks and tabs as spaces,
// invalid UTF-8 and other control characters as U+FFFD.
std::string EscapeMarkdown(std::string_view text);

}  // namespace kestra_lint
