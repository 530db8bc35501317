#include "wsc/report/text.hpp"

#include <cstdint>

namespace wsc::report::text {

namespace {

constexpr const char* replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 (RFC 3629 §4:
// no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    const std::size_t left = s.size() - i;
    if (c < 0x80) return 1;
    const auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !cont(i + 1) || !cont(i + 2)) return 0;
        if (c == 0xE0 && b(i + 1) < 0xA0) return 0;
        if (c == 0xED && b(i + 1) > 0x9F) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        if (c == 0xF0 && b(i + 1) < 0x90) return 0;
        if (c == 0xF4 && b(i + 1) > 0x8F) return 0;
        return 4;
    }
    return 0;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = sequence_length(s, i);
        if (n == 0) {
            out += replacement;
            ++i;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (n == 1 && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F))
            out += replacement;
        else
            out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string hex(std::string_view bytes, std::size_t cap) {
    static constexpr char digits[] = "0123456789abcdef";
    const std::size_t n = bytes.size() < cap ? bytes.size() : cap;
    std::string out;
    out.reserve(2 * n + 4);
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    if (bytes.size() > cap) out += " ...";
    return out;
}

std::string display_payload(std::string_view bytes, std::size_t cap) {
    if (is_valid_utf8(bytes)) {
        if (bytes.size() <= cap) return std::string(bytes);
        // Cut on a code point boundary so the preview stays valid UTF-8.
        std::size_t n = cap;
        while (n > 0 && (static_cast<unsigned char>(bytes[n]) & 0xC0) == 0x80) --n;
        return std::string(bytes.substr(0, n)) + " ...";
    }
    return "0x" + hex(bytes, cap);
}

std::string strip_tags(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool in_tag = false, space = false;
    for (char c : s) {
        if (in_tag) {
            if (c == '>') in_tag = false;
            continue;
        }
        if (c == '<') {
            in_tag = true;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string shorten(std::string_view utf8, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) continue;
        if (chars == max_chars) return std::string(utf8.substr(0, i)) + "\xE2\x80\xA6";
        ++chars;
    }
    return std::string(utf8);
}

std::string shell_quote(std::string_view s) {
    bool plain = !s.empty();
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == '=' || c == ',' ||
                        c == '@' || c == '+';
        if (!ok) plain = false;
    }
    if (plain) return std::string(s);
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

}  // namespace wsc::report::text
