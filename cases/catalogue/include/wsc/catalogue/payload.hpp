#pragma once
// Payloads as written in the catalogue. Large payloads stay compact (pattern + length) until an
// executor asks for the bytes, because §9 alone would otherwise hold hundreds of MiB.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsc::catalogue {

using Bytes = std::vector<std::uint8_t>;

struct Payload {
    // text: UTF-8 of a JSON string; hex: raw bytes; repeat: pattern repeated and truncated to
    // length; fill: one byte repeated length times.
    enum class Form { text, hex, repeat, fill };

    Form form = Form::text;
    Bytes pattern;                        // the literal bytes, the repeated pattern, or the fill byte
    std::optional<std::uint64_t> length;  // set for repeat and fill only

    std::uint64_t size() const noexcept { return length ? *length : pattern.size(); }
    bool empty() const noexcept { return size() == 0; }
    friend bool operator==(const Payload&, const Payload&) = default;
};

Payload text_payload(std::string_view utf8);
Payload hex_payload(std::string_view hex);  // throws std::invalid_argument on bad hex
Payload repeat_payload(Bytes pattern, std::uint64_t length);
Payload fill_payload(std::uint8_t byte, std::uint64_t length);

// Materialise the exact bytes to put on the wire.
Bytes bytes(const Payload& payload);
// The same octets as a string, built in place (the executors send strings).
std::string bytes_string(const Payload& payload);

// Strict hex decoding (even number of digits, either case); throws std::invalid_argument with a
// message that says which offset is wrong.
Bytes hex_decode(std::string_view hex);
std::string hex_encode(const Bytes& bytes);

}  // namespace wsc::catalogue
