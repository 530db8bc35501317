#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include "wsc/catalogue/catalogue.hpp"

namespace wsc::catalogue::test {

// Loaded once: every test reads the same committed catalogue.
inline const Catalogue& catalogue() {
    static const Catalogue cat = load_catalogue(default_catalogue_dir());
    return cat;
}

inline const Case& get(std::string_view id) {
    const Case* c = catalogue().find(id);
    if (!c) throw std::runtime_error("no case " + std::string(id));
    return *c;
}

inline std::filesystem::path shared_dir() {
    if (const char* env = std::getenv("WSC_SHARED_DIR"); env && *env) return env;
    return WSC_SHARED_DIR;
}

inline std::filesystem::path fixture_dir() { return shared_dir() / "fixtures" / "autobahn-deno-server"; }

// Strict UTF-8 check (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
inline bool valid_utf8(const std::uint8_t* p, std::size_t n) {
    std::size_t i = 0;
    while (i < n) {
        const std::uint8_t b = p[i];
        std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > n) return false;
        std::uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        static constexpr std::uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

}  // namespace wsc::catalogue::test
