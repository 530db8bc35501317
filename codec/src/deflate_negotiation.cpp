// RFC 7692 §5 and §7.1: agreeing on permessage-deflate parameters.
#include <algorithm>

#include "wsc/deflate.hpp"

namespace wsc {
namespace {

constexpr std::string_view pmd = "permessage-deflate";

// zlib cannot produce raw DEFLATE with a 256-byte window (deflateInit2 refuses
// windowBits 8 without a zlib wrapper), so we never promise to compress with 8.
constexpr std::uint8_t smallest_window_we_compress_with = 9;

// The default server choice for one offer, or nullopt to decline it.
std::optional<deflate_params> default_choice(const deflate_offer& o, const deflate_server_policy& policy) {
    deflate_params p;
    p.server_no_context_takeover = o.server_no_context_takeover || policy.server_no_context_takeover;
    if (o.server_max_window_bits) {
        std::uint8_t bits = *o.server_max_window_bits;
        if (policy.server_max_window_bits) bits = std::min(bits, *policy.server_max_window_bits);
        // §7.1.2.1: "A server declines an extension negotiation offer with this
        // parameter if the server doesn't support it."
        if (bits < smallest_window_we_compress_with) return std::nullopt;
        p.server_max_window_bits = bits;
    }
    p.client_no_context_takeover = policy.client_no_context_takeover;
    if (o.client_max_window_bits) {
        std::uint8_t bits = o.client_max_window_bits_value.value_or(15);
        if (policy.client_max_window_bits) bits = std::min(bits, *policy.client_max_window_bits);
        p.client_max_window_bits = bits;
    }
    return p;
}

// The response element for agreed parameters. §7.1.2.1/§7.1.2.2: a window-bits
// parameter may appear in the response only if the offer carried it.
std::string response_for(const deflate_params& p, const deflate_offer& o) {
    std::string s(pmd);
    if (p.server_no_context_takeover) s += "; server_no_context_takeover";
    if (p.client_no_context_takeover) s += "; client_no_context_takeover";
    if (o.server_max_window_bits) s += "; server_max_window_bits=" + std::to_string(p.server_max_window_bits);
    if (o.client_max_window_bits && (p.client_max_window_bits < 15 || o.client_max_window_bits_value))
        s += "; client_max_window_bits=" + std::to_string(p.client_max_window_bits);
    return s;
}

// Whether a chosen parameter set can be expressed as a response to this offer.
bool fits_offer(const deflate_params& p, const deflate_offer& o) {
    if (o.server_no_context_takeover && !p.server_no_context_takeover) return false;
    if (o.server_max_window_bits && p.server_max_window_bits > *o.server_max_window_bits) return false;
    if (!o.server_max_window_bits && p.server_max_window_bits != 15) return false;
    if (!o.client_max_window_bits && p.client_max_window_bits != 15) return false;
    if (o.client_max_window_bits_value && p.client_max_window_bits > *o.client_max_window_bits_value) return false;
    return true;
}

}  // namespace

error negotiate_deflate(const std::vector<extension>& offered, const deflate_server_policy& policy,
                        std::optional<deflate_agreement>& out) {
    out.reset();
    std::vector<deflate_offer> offers;
    for (const auto& ext : offered) {
        if (ext.name != pmd) continue;  // other extensions are declined by not answering them
        // §7: "A server MUST decline an extension negotiation offer for this
        // extension if" it has unknown or repeated parameters or invalid values;
        // declining one offer leaves the later ones to consider.
        deflate_offer o;
        if (parse_offer(ext, o) == error::none) offers.push_back(o);
    }
    if (!policy.enabled || offers.empty()) return error::none;

    if (policy.choose) {
        auto chosen = policy.choose(offers);
        if (!chosen) return error::none;
        for (const auto& o : offers) {
            if (fits_offer(*chosen, o)) {
                out = deflate_agreement{*chosen, response_for(*chosen, o)};
                return error::none;
            }
        }
        return error::none;
    }
    for (const auto& o : offers) {
        if (auto p = default_choice(o, policy)) {
            out = deflate_agreement{*p, response_for(*p, o)};
            return error::none;
        }
    }
    return error::none;
}

error accept_deflate_response(const extension& answer, const std::vector<deflate_offer>& offered,
                              deflate_params& out) {
    deflate_offer r;
    if (parse_offer(answer, r) != error::none) return error::bad_extension_response;
    // §7.1.2.2: a bare client_max_window_bits is only meaningful in an offer.
    if (r.client_max_window_bits && !r.client_max_window_bits_value) return error::bad_extension_response;

    for (const auto& o : offered) {
        // §7.1.2.1: a response carries server_max_window_bits only for an offer that
        // had it, with the same or a smaller value.
        if (r.server_max_window_bits &&
            (!o.server_max_window_bits || *r.server_max_window_bits > *o.server_max_window_bits))
            continue;
        if (o.server_max_window_bits && !r.server_max_window_bits) continue;  // offer declined
        // §7.1.2.2: client_max_window_bits only if the offer had it.
        if (r.client_max_window_bits && !o.client_max_window_bits) continue;
        if (o.server_no_context_takeover && !r.server_no_context_takeover) continue;
        deflate_params p;
        p.server_no_context_takeover = r.server_no_context_takeover;
        p.client_no_context_takeover = r.client_no_context_takeover;
        p.server_max_window_bits = r.server_max_window_bits.value_or(15);
        p.client_max_window_bits = r.client_max_window_bits_value.value_or(o.client_max_window_bits_value.value_or(15));
        out = p;
        return error::none;
    }
    return error::bad_extension_response;
}

}  // namespace wsc
