#include "base64.hpp"

#include <array>

namespace wsc::base64 {
namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<std::int8_t, 256> make_values() {
    std::array<std::int8_t, 256> v{};
    for (auto& x : v) x = -1;
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        v[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    return v;
}
constexpr auto values = make_values();

}  // namespace

std::string encode(const std::uint8_t* data, std::size_t n) {
    std::string out;
    out.reserve((n + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        const std::uint32_t w = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8) | data[i + 2];
        out += alphabet[(w >> 18) & 63];
        out += alphabet[(w >> 12) & 63];
        out += alphabet[(w >> 6) & 63];
        out += alphabet[w & 63];
    }
    if (n - i == 1) {
        const std::uint32_t w = std::uint32_t{data[i]} << 16;
        out += alphabet[(w >> 18) & 63];
        out += alphabet[(w >> 12) & 63];
        out += "==";
    } else if (n - i == 2) {
        const std::uint32_t w = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8);
        out += alphabet[(w >> 18) & 63];
        out += alphabet[(w >> 12) & 63];
        out += alphabet[(w >> 6) & 63];
        out += '=';
    }
    return out;
}

std::optional<std::string> decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::size_t pad = 0;
    if (!text.empty() && text.back() == '=') pad = (text[text.size() - 2] == '=') ? 2 : 1;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const std::size_t data_chars = last ? 4 - pad : 4;
        std::uint32_t w = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            std::int8_t v = 0;
            if (k < data_chars) {
                v = values[static_cast<unsigned char>(text[i + k])];
                if (v < 0) return std::nullopt;  // '=' in the middle lands here too
            }
            w = (w << 6) | static_cast<std::uint32_t>(v);
        }
        // RFC 4648 §3.5: the bits an encoder pads with are zero; we reject
        // encodings where they are not, so a value has exactly one spelling.
        if (last && pad == 2 && (w & 0xFFFF) != 0) return std::nullopt;
        if (last && pad == 1 && (w & 0xFF) != 0) return std::nullopt;
        out += static_cast<char>((w >> 16) & 0xFF);
        if (data_chars > 2) out += static_cast<char>((w >> 8) & 0xFF);
        if (data_chars > 3) out += static_cast<char>(w & 0xFF);
    }
    return out;
}

}  // namespace wsc::base64
