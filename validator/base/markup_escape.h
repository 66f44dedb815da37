// Escaping for the XML outputs (JUnit, checkstyle), the HTML audit report
// and the line-oriented outputs (text, compact, github, Markdown).
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

// `text` for a line-oriented output (a terminal, a log, a problem matcher):
// C0 controls but tab, DEL and C1 controls as \xHH or \u00HH, so none can
// move the cursor, set a title or start a new line; invalid UTF-8 as U+FFFD.
std::string EscapeControls(std::string_view text);

// `text` as Markdown that shows as the same plain text: the punctuation that
// can start a link, image, emphasis, code span, fence, heading, table or HTML
// (and a list or rule at a line's start) backslash-escaped, controls but line
// breaks escaped as EscapeControls does.
std::string EscapeMarkdown(std::string_view text);

// A path for a line-oriented output: as it is when it holds only printable
// characters, else double-quoted with control characters, '"' and '\\'
// escaped, so a name cannot forge a line or a field.
std::string DisplayPath(std::string_view path);

}  // namespace kestra_lint
