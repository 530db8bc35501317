// Character classes and comparisons from RFC 9110 §5.6 that the HTTP head reader and
// both handshake roles share. Private to the codec; the names live in their own
// namespace so other files of the library cannot collide with them.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace wsc::http_text {

inline char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Header names, the "websocket" and "Upgrade" tokens and status codes compare
// ASCII case-insensitively (RFC 9110 §5.1, RFC 6455 §4.1/§4.2.1); nothing here
// folds non-ASCII octets.
inline bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// RFC 9110 §5.6.2: tchar.
inline bool is_tchar(unsigned char c) noexcept {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

inline bool is_token(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_tchar(static_cast<unsigned char>(c))) return false;
    return true;
}

// RFC 9110 §5.6.3: OWS = *( SP / HTAB ).
inline bool is_ows(char c) noexcept { return c == ' ' || c == '\t'; }

inline std::string_view trim_ows(std::string_view s) noexcept {
    while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
    return s;
}

// Text from the peer as it may appear in a detail() message: in single quotes,
// control and non-ASCII octets escaped as \xNN, cut after 80 octets, so a 16 KiB
// garbage line neither floods a report nor smuggles line breaks into it.
inline std::string quote(std::string_view s) {
    constexpr std::size_t limit = 80;
    std::string out = "'";
    for (std::size_t i = 0; i < s.size() && i < limit; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    if (s.size() > limit) out += "...";
    out += "'";
    return out;
}

}  // namespace wsc::http_text
