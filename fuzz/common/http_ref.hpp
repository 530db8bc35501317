// Independent re-implementation of the handshake facts the harnesses verify, kept
// deliberately naive (no code shared with codec/src): splitting a head into
// lines and fields, token lists, base64, and the Sec-WebSocket-Accept value.
#pragma once

#include <openssl/sha.h>

#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/fuzz_support.hpp"

namespace wsc_fuzz::ref {

WSC_FUZZ_NO_COVERAGE inline bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

WSC_FUZZ_NO_COVERAGE inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

struct head {
    std::string start_line;
    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<std::string> all(std::string_view name) const {
        std::vector<std::string> out;
        for (const auto& [n, v] : fields)
            if (ieq(n, name)) out.push_back(v);
        return out;
    }
};

// Reads "start-line CRLF *(field CRLF) CRLF" leniently: it only has to agree with
// a head the codec accepted, so it does not re-check the grammar.
WSC_FUZZ_NO_COVERAGE inline std::optional<head> parse_head(std::string_view raw) {
    head h;
    bool first = true;
    while (true) {
        const auto eol = raw.find("\r\n");
        if (eol == std::string_view::npos) return std::nullopt;
        const std::string_view line = raw.substr(0, eol);
        raw.remove_prefix(eol + 2);
        if (first) {
            if (line.empty()) continue;  // empty lines before a request line
            h.start_line = std::string(line);
            first = false;
            continue;
        }
        if (line.empty()) return h;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        h.fields.emplace_back(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
    }
}

// RFC 9110 §5.6.1 list: does any element equal `token` (case-insensitive)?
WSC_FUZZ_NO_COVERAGE inline bool list_has(std::string_view list, std::string_view token) {
    while (true) {
        const auto comma = list.find(',');
        if (ieq(trim(list.substr(0, comma)), token)) return true;
        if (comma == std::string_view::npos) return false;
        list.remove_prefix(comma + 1);
    }
}

inline constexpr std::string_view b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

WSC_FUZZ_NO_COVERAGE inline std::string base64_encode(const unsigned char* p, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; i += 3) {
        const unsigned v = p[i] << 16 | (i + 1 < n ? p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        out += b64[v >> 18 & 63];
        out += b64[v >> 12 & 63];
        out += i + 1 < n ? b64[v >> 6 & 63] : '=';
        out += i + 2 < n ? b64[v & 63] : '=';
    }
    return out;
}

// §4.2.1 (5): 16 octets, base64; the canonical form is 22 characters and "==".
WSC_FUZZ_NO_COVERAGE inline bool key_is_16_octets(std::string_view k) {
    if (k.size() != 24 || k.substr(22) != "==") return false;
    for (std::size_t i = 0; i < 22; ++i)
        if (b64.find(k[i]) == std::string_view::npos) return false;
    // The last character holds 2 data bits; the 4 pad bits must be zero.
    return (b64.find(k[21]) & 15) == 0;
}

WSC_FUZZ_NO_COVERAGE inline std::string accept_for(std::string_view key) {
    const std::string s = std::string(key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char d[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char*>(s.data()), s.size(), d);
    return base64_encode(d, sizeof d);
}

}  // namespace wsc_fuzz::ref
