// Autobahn's display forms for payloads and octets (catalogue.md §7.3). Reports show
// payloads this way in `expected`, `received` and the wire log; comparisons are
// always made on the raw bytes, never on these strings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wsc::report {

// Payloads longer than this are cut for display...
inline constexpr std::size_t display_cut_above = 60;
// ...to their first this many octets, followed by " ...".
inline constexpr std::size_t display_keep = 64;

// The payload as text if (the shown part of) it is valid UTF-8, else "0x" + hex;
// longer than 60 octets: the first 64 octets and " ...".
std::string display_payload(std::string_view bytes);
// Hex of the first 64 octets, plus " ..." when longer than 60 (TO/RO rows).
std::string display_octets(std::string_view bytes);

// Strict RFC 3629 check (no surrogates, no overlongs, nothing above U+10FFFF).
bool valid_utf8(std::string_view bytes) noexcept;
std::string to_hex(std::string_view bytes);
// Inverse of display_payload where it is invertible: "0x<hex>" (optionally followed by
// " ...") becomes the octets, anything else is taken as its UTF-8 text.
std::string payload_from_display(std::string_view shown);

}  // namespace wsc::report
