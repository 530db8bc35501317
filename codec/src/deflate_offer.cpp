// RFC 7692 §7.1: reading and writing one permessage-deflate offer.
#include "http_text.hpp"
#include "wsc/deflate.hpp"

namespace wsc {
namespace {

constexpr std::string_view pmd = "permessage-deflate";

// §7.1.2.1/§7.1.2.2: "a decimal integer value without leading zeroes between 8 to
// 15, inclusive".
bool parse_bits(const std::optional<std::string>& v, std::uint8_t& out) {
    if (!v || v->empty() || v->size() > 2) return false;
    if (v->size() == 2 && (*v)[0] != '1') return false;
    int n = 0;
    for (char c : *v) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
    }
    if (n < 8 || n > 15) return false;
    out = static_cast<std::uint8_t>(n);
    return true;
}

}  // namespace

std::string format_offer(const deflate_offer& o) {
    std::string s(pmd);
    if (o.server_no_context_takeover) s += "; server_no_context_takeover";
    if (o.client_no_context_takeover) s += "; client_no_context_takeover";
    // Appended piece by piece: g++ 12 -O3 reports a false -Wrestrict inside
    // operator+(const char*, std::string&&) for the one-expression form.
    if (o.server_max_window_bits) {
        s += "; server_max_window_bits=";
        s += std::to_string(*o.server_max_window_bits);
    }
    if (o.client_max_window_bits) {
        s += "; client_max_window_bits";
        if (o.client_max_window_bits_value) {
            s += '=';
            s += std::to_string(*o.client_max_window_bits_value);
        }
    }
    return s;
}

std::string format_offers(const std::vector<deflate_offer>& offers) {
    std::string s;
    for (const auto& o : offers) {
        if (!s.empty()) s += ", ";
        s += format_offer(o);
    }
    return s;
}

// §7: a server MUST decline an offer that "contains an extension parameter not
// defined for use in an offer", "contains an extension parameter with an invalid
// value" or "contains multiple extension parameters with the same name"; a client
// MUST fail the connection on a response with the same faults. Both roles read an
// element here and tell the fault apart from a valid element.
error parse_offer(const extension& ext, deflate_offer& out) {
    out = deflate_offer{};
    if (ext.name != pmd) return error::bad_extension_offer;
    bool seen[4] = {false, false, false, false};
    for (const auto& p : ext.params) {
        // RFC 6455 §9.1: "When using the quoted-string syntax variant, the value
        // after quoted-string unescaping MUST conform to the 'token' ABNF." So
        // server_max_window_bits="10" is 10 but "1 0" is invalid. Enforced here
        // rather than in parse_extensions, so that an odd value in an extension we
        // would decline anyway cannot fail a handshake.
        if (p.value && !http_text::is_token(*p.value)) return error::bad_extension_offer;
        int slot = p.name == "server_no_context_takeover"   ? 0
                   : p.name == "client_no_context_takeover" ? 1
                   : p.name == "server_max_window_bits"     ? 2
                   : p.name == "client_max_window_bits"     ? 3
                                                            : -1;
        if (slot < 0 || seen[slot]) return error::bad_extension_offer;
        seen[slot] = true;
        std::uint8_t bits = 0;
        switch (slot) {
            case 0:
                if (p.value) return error::bad_extension_offer;
                out.server_no_context_takeover = true;
                break;
            case 1:
                if (p.value) return error::bad_extension_offer;
                out.client_no_context_takeover = true;
                break;
            case 2:
                if (!parse_bits(p.value, bits)) return error::bad_extension_offer;
                out.server_max_window_bits = bits;
                break;
            case 3:
                out.client_max_window_bits = true;
                if (p.value) {
                    if (!parse_bits(p.value, bits)) return error::bad_extension_offer;
                    out.client_max_window_bits_value = bits;
                }
                break;
        }
    }
    return error::none;
}

}  // namespace wsc
