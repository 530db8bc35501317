// RFC 4648 §4 base64 (the alphabet with '+' and '/', padded), as the opening
// handshake uses it for Sec-WebSocket-Key and Sec-WebSocket-Accept. Private to the codec.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wsc::base64 {

std::string encode(const std::uint8_t* data, std::size_t n);

// Strict: only the canonical encoding decodes. Lengths that are not a multiple of
// four, characters outside the alphabet (whitespace included), '=' anywhere but in
// the last two places, and non-zero pad bits all give nullopt.
std::optional<std::string> decode(std::string_view text);

}  // namespace wsc::base64
