#include "wsc/catalogue/payload.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace wsc::catalogue {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Bytes hex_decode(std::string_view hex) {
    if (hex.size() % 2 != 0) throw std::invalid_argument("odd number of hex digits (" + std::to_string(hex.size()) + ")");
    Bytes out(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); ++i) {
        int v = hex_value(hex[i]);
        if (v < 0) {
            throw std::invalid_argument("invalid hex digit '" + std::string(1, hex[i]) + "' at offset " + std::to_string(i));
        }
        out[i / 2] = static_cast<std::uint8_t>(i % 2 == 0 ? v << 4 : out[i / 2] | v);
    }
    return out;
}

std::string hex_encode(const Bytes& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 0x0f];
    }
    return out;
}

Payload text_payload(std::string_view utf8) {
    Payload p;
    p.form = Payload::Form::text;
    p.pattern.assign(utf8.begin(), utf8.end());
    return p;
}

Payload hex_payload(std::string_view hex) {
    Payload p;
    p.form = Payload::Form::hex;
    p.pattern = hex_decode(hex);
    return p;
}

Payload repeat_payload(Bytes pattern, std::uint64_t length) {
    if (pattern.empty() && length > 0) throw std::invalid_argument("cannot repeat an empty pattern");
    Payload p;
    p.form = Payload::Form::repeat;
    p.pattern = std::move(pattern);
    p.length = length;
    return p;
}

Payload fill_payload(std::uint8_t byte, std::uint64_t length) {
    Payload p;
    p.form = Payload::Form::fill;
    p.pattern = {byte};
    p.length = length;
    return p;
}

namespace {

// Copies the pattern once, then keeps doubling the filled prefix: O(log n) memcpy calls.
template <class Out>
Out expand(const Payload& payload) {
    if (!payload.length) return Out(payload.pattern.begin(), payload.pattern.end());
    Out out(static_cast<std::size_t>(*payload.length), 0);
    if (out.empty()) return out;
    const Bytes& pat = payload.pattern;
    std::size_t filled = std::min(pat.size(), out.size());
    std::copy_n(pat.begin(), filled, out.begin());
    while (filled < out.size()) {
        const std::size_t n = std::min(filled, out.size() - filled);
        std::copy_n(out.begin(), n, out.begin() + static_cast<std::ptrdiff_t>(filled));
        filled += n;
    }
    return out;
}

}  // namespace

Bytes bytes(const Payload& payload) { return expand<Bytes>(payload); }

std::string bytes_string(const Payload& payload) { return expand<std::string>(payload); }

}  // namespace wsc::catalogue
