// Small text helpers shared by the report writers. Everything a peer sends goes
// through valid_utf8() before it reaches HTML, XML or a terminal: a peer chooses
// its close reasons, payloads and Server header, and may choose invalid bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wsc::report::text {

bool is_valid_utf8(std::string_view s);
// Invalid sequences become U+FFFD; so do C0 controls other than tab, LF and CR
// (XML 1.0 forbids them and they have no business in a report).
std::string valid_utf8(std::string_view s);
// Lower-case hex of the first `cap` bytes, with " ..." when cut.
std::string hex(std::string_view bytes, std::size_t cap = 64);
// Autobahn's display form of a payload (catalogue.md §7.3): the text when it is
// valid UTF-8, else "0x" + hex; cut at `cap` bytes with " ..." appended.
std::string display_payload(std::string_view bytes, std::size_t cap = 64);
// Drops <tags> and collapses whitespace: Autobahn's descriptions carry markup, and
// we render every description as plain text.
std::string strip_tags(std::string_view s);
// First `max_chars` code points of valid UTF-8 text, "…" appended when cut.
std::string shorten(std::string_view utf8, std::size_t max_chars);
// POSIX shell single-quoting, for the re-run commands a report prints.
std::string shell_quote(std::string_view s);

}  // namespace wsc::report::text
