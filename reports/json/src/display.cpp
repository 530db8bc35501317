#include "wsc/report/display.hpp"

#include <cstdint>

namespace wsc::report {

namespace {

constexpr std::string_view ellipsis = " ...";

std::string_view shown_part(std::string_view bytes) {
    return bytes.size() > display_cut_above ? bytes.substr(0, display_keep) : bytes;
}

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool valid_utf8(std::string_view bytes) noexcept {
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const std::uint8_t b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        std::uint8_t lo = 0x80, hi = 0xBF;  // bounds of the second octet
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0) lo = 0xA0;       // overlong
            if (b == 0xED) hi = 0x9F;       // surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0) lo = 0x90;       // overlong
            if (b == 0xF4) hi = 0x8F;       // above U+10FFFF
        } else {
            return false;
        }
        if (i + len > n) return false;
        if (p[i + 1] < lo || p[i + 1] > hi) return false;
        for (std::size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 0xF];
    }
    return out;
}

std::string display_payload(std::string_view bytes) {
    const std::string_view part = shown_part(bytes);
    std::string out = valid_utf8(part) ? std::string(part) : "0x" + to_hex(part);
    if (bytes.size() > display_cut_above) out += ellipsis;
    return out;
}

std::string display_octets(std::string_view bytes) {
    const std::string_view part = shown_part(bytes);
    std::string out = to_hex(part);
    if (bytes.size() > display_cut_above) out += ellipsis;
    return out;
}

std::string payload_from_display(std::string_view shown) {
    std::string_view body = shown;
    if (body.size() >= ellipsis.size() && body.substr(body.size() - ellipsis.size()) == ellipsis)
        body.remove_suffix(ellipsis.size());
    if (body.size() < 2 || body.substr(0, 2) != "0x" || body.size() % 2 != 0) return std::string(shown);
    std::string out;
    for (std::size_t i = 2; i < body.size(); i += 2) {
        const int h = hex_value(body[i]), l = hex_value(body[i + 1]);
        if (h < 0 || l < 0) return std::string(shown);
        out += static_cast<char>(h * 16 + l);
    }
    return out;
}

}  // namespace wsc::report
